-- The clients module's names and time zones of its clients, for other modules' queries (adherence orders week
-- scores by name and scores each client's week in its time zone). Other modules read this view, never clients.
create view client_names as
select id, organization_id, first_name, last_name, time_zone
from clients;
