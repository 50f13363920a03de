package org.rpmsync.ingest;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.rpmsync.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts deliveries refused for a wrong or missing secret, per organization and UTC day. Nothing else is kept. */
@Component
class RefusedDeliveries {

    private final JdbcClient jdbc;

    RefusedDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void count(OrganizationId organization) {
        jdbc.sql("""
                merge into refused_deliveries r
                using (select cast(? as uuid) as organization_id, cast(? as date) as refused_on) n
                on r.organization_id = n.organization_id and r.refused_on = n.refused_on
                when matched then update set refused = r.refused + 1
                when not matched then insert (organization_id, refused_on, refused) values (n.organization_id, n.refused_on, 1)""")
                .params(organization.value(), Date.valueOf(LocalDate.now(ZoneOffset.UTC))).update();
    }

    long today(OrganizationId organization) {
        return jdbc.sql("select coalesce(sum(refused), 0) from refused_deliveries where organization_id = ? and refused_on = ?")
                .params(organization.value(), Date.valueOf(LocalDate.now(ZoneOffset.UTC))).query(Long.class).single();
    }
}
