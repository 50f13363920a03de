package org.rpmsync.enrollment;

import java.util.List;
import java.util.stream.Collectors;

/** The downloadable result of a bulk mapping: one line per row of the file, with what happened to it. */
final class MappingResultCsv {

    private MappingResultCsv() {
    }

    static String write(List<MappingImport.Outcome> outcomes) {
        StringBuilder csv = new StringBuilder("row,email,externalId,patientId,hwiIds,client,result,detail\r\n");
        for (MappingImport.Outcome o : outcomes) {
            MappingCsv.Row row = o.plan().row();
            csv.append(row.line()).append(',')
                    .append(MappingCsv.field(row.email())).append(',')
                    .append(MappingCsv.field(row.externalId())).append(',')
                    .append(MappingCsv.field(row.patientId())).append(',')
                    .append(MappingCsv.field(String.join(";", row.hwiIds()))).append(',')
                    .append(MappingCsv.field(o.plan().found() ? o.plan().client().id().toString() : "")).append(',')
                    .append(o.result()).append(',')
                    .append(MappingCsv.field(o.notes().stream().collect(Collectors.joining("; ")))).append("\r\n");
        }
        return csv.toString();
    }
}
