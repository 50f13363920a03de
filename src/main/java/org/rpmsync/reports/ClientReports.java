package org.rpmsync.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.rpmsync.clients.Client;
import org.rpmsync.clients.DeviceNames;
import org.rpmsync.measurements.MeasurementQueries;
import org.rpmsync.measurements.Reading;
import org.rpmsync.measurements.ReadingFilter;
import org.rpmsync.measurements.ReadingType;
import org.rpmsync.organization.OrganizationId;
import org.springframework.stereotype.Service;

/** Reads a client's report sections for a range. Callers have already found (and audited) the client. */
@Service
class ClientReports {

    static final int PAGE_SIZE = 25;
    /** The most readings a chart draws from (the newest); more than {@link VitalsSection#CHART_POINTS} are averaged. */
    static final int CHART_READINGS = 20_000;
    static final int CSV_MAX_ROWS = 100_000;
    static final int CSV_BATCH = 1_000;

    private final MeasurementQueries measurements;
    private final DeviceNames names;

    ClientReports(MeasurementQueries measurements, DeviceNames names) {
        this.measurements = measurements;
        this.names = names;
    }

    record MedicationPage(List<MedicationRow> rows, int page, long total) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * PAGE_SIZE < total;
        }
    }

    /** A page of the range's rows; a page past the last shows the last. */
    MedicationPage medication(OrganizationId organization, Client client, ReportRange range, int page) {
        ReadingFilter filter = filter(ReportSection.MEDICATION.types(), range, client);
        long total = measurements.count(organization, client.id().value(), filter);
        int lastPage = (int) Math.min(Integer.MAX_VALUE, Math.max(0, (total - 1) / PAGE_SIZE));
        int safePage = Math.min(Math.max(0, page), lastPage);
        List<MedicationRow> rows = measurements
                .readings(organization, client.id().value(), filter, safePage * PAGE_SIZE, PAGE_SIZE).stream()
                .map(r -> MedicationRow.of(r, client.timeZone())).toList();
        return new MedicationPage(rows, safePage, total);
    }

    /**
     * Hands every row of the range (newest measured first, at most {@link #CSV_MAX_ROWS}) to {@code sink}, read
     * {@link #CSV_BATCH} at a time by keyset, so an export holds one batch in memory whatever the range.
     * Returns how many rows were handed over.
     */
    int eachMedication(OrganizationId organization, Client client, ReportRange range,
                       Consumer<MedicationRow> sink) {
        ReadingFilter filter = filter(ReportSection.MEDICATION.types(), range, client);
        int written = 0;
        Reading last = null;
        while (written < CSV_MAX_ROWS) {
            List<Reading> batch = measurements.readingsAfter(organization, client.id().value(), filter,
                    last == null ? null : last.measuredAt(), last == null ? null : last.id(),
                    Math.min(CSV_BATCH, CSV_MAX_ROWS - written));
            batch.forEach(r -> sink.accept(MedicationRow.of(r, client.timeZone())));
            written += batch.size();
            if (batch.size() < CSV_BATCH) {
                break;
            }
            last = batch.get(batch.size() - 1);
        }
        return written;
    }

    /** The sections among {@code wanted} that have readings in the range, each with its devices' labels. */
    List<VitalsSection> vitals(OrganizationId organization, Client client, ReportRange range,
                               List<ReportSection> wanted) {
        List<VitalsSection> sections = new ArrayList<>();
        for (ReportSection section : wanted) {
            if (section == ReportSection.MEDICATION) {
                continue;
            }
            ReadingFilter filter = filter(section.types(), range, client);
            long total = measurements.count(organization, client.id().value(), filter);
            if (total == 0) {
                continue;
            }
            List<Reading> readings = measurements.readings(organization, client.id().value(), filter, 0,
                    (int) Math.min(total, CHART_READINGS));
            if (readings.isEmpty()) {
                continue;
            }
            List<Reading> pulses = List.of();
            if (section == ReportSection.BLOOD_PRESSURE) {
                List<Reading> table = readings.subList(0, Math.min(VitalsSection.TABLE_ROWS, readings.size()));
                ReadingFilter pulseFilter = new ReadingFilter(Set.of(ReadingType.PULSE),
                        table.get(table.size() - 1).measuredAt(), table.get(0).measuredAt().plusMillis(1));
                pulses = measurements.readings(organization, client.id().value(), pulseFilter, 0,
                        VitalsSection.TABLE_ROWS * 4);
            }
            Map<String, String> labels = names.labels(organization,
                    readings.stream().map(Reading::deviceId).distinct().toList());
            sections.add(VitalsSection.of(section, readings, total, pulses, client.timeZone(), labels));
        }
        return sections;
    }

    private static ReadingFilter filter(Set<ReadingType> types, ReportRange range, Client client) {
        return new ReadingFilter(types, range.start(client.timeZone()), range.end(client.timeZone()));
    }
}
