package org.rpmsync.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rpmsync.organization.Actor;
import org.rpmsync.organization.ClinicTime;
import org.rpmsync.web.ApiProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * RPM months: every monitored client's month (days with data as a strip of the month's days, band and CPT code,
 * care minutes and codes), sortable, 100 a page, with hints near the month's end and a CSV of all of them.
 */
@Controller
class RpmMonthPage {

    static final int ROWS = 100;
    static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private final RpmMonths months;
    private final ClinicTime clinicTime;

    RpmMonthPage(RpmMonths months, ClinicTime clinicTime) {
        this.months = months;
        this.clinicTime = clinicTime;
    }

    /** A client's row: the month, its day cells and the hint for today in the client's zone. */
    record Row(RpmMonths.Monitored monitored, List<Cell> cells, String hint) {
    }

    /** One day of the strip: "on" (physiologic data), "other" (data that does not count), "off", "future". */
    record Cell(int day, String state, String title) {
    }

    @GetMapping("/organization/rpm-months")
    String show(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String month,
                @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String dir,
                @RequestParam(defaultValue = "0") int page, Model model) {
        YearMonth current = YearMonth.now(clinicTime.zone(actor.organizationId()));
        YearMonth m = current;
        if (month != null && !month.isBlank()) {
            try {
                m = RpmDaysApi.month(month);
            } catch (ApiProblem e) {
                model.addAttribute("monthProblem", "“" + month.strip() + "” is no month: pick one as YYYY-MM "
                        + "(2000–2100). Showing " + TITLE.format(current) + ".");
            }
        }
        List<RpmMonths.Monitored> all = sorted(months.organization(actor.organizationId(), m), sort, dir);
        int pages = Math.max(1, (all.size() + ROWS - 1) / ROWS);
        int p = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("rows", all.subList(p * ROWS, Math.min(all.size(), (p + 1) * ROWS)).stream()
                .map(RpmMonthPage::row).toList());
        model.addAttribute("total", all.size());
        model.addAttribute("full", all.stream().filter(r -> r.month().daysWithData() >= 16).count());
        model.addAttribute("partial", all.stream().filter(r -> "2-15".equals(r.month().band())).count());
        model.addAttribute("none", all.stream().filter(r -> "none".equals(r.month().band())).count());
        model.addAttribute("withCareCodes", all.stream().filter(r -> r.month().careMinutes() >= 10).count());
        model.addAttribute("month", m);
        model.addAttribute("monthTitle", TITLE.format(m));
        model.addAttribute("previous", m.minusMonths(1));
        model.addAttribute("next", m.isBefore(current) ? m.plusMonths(1) : null);
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        return "billing/rpm-months";
    }

    static List<RpmMonths.Monitored> sorted(List<RpmMonths.Monitored> rows, String sort, String dir) {
        Comparator<RpmMonths.Monitored> byName = Comparator.comparing(
                (RpmMonths.Monitored r) -> r.client().lastName(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(r -> r.client().firstName(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(r -> r.client().id().value());
        Comparator<RpmMonths.Monitored> order = switch (sort) {
            case "days" -> Comparator.comparingInt((RpmMonths.Monitored r) -> r.month().daysWithData());
            case "any" -> Comparator.comparingInt((RpmMonths.Monitored r) -> r.month().daysWithAnyData());
            case "minutes" -> Comparator.comparingInt((RpmMonths.Monitored r) -> r.month().careMinutes());
            default -> byName;
        };
        if ("desc".equals(dir)) {
            order = order.reversed();
        }
        return rows.stream().sorted(order.thenComparing(byName)).toList();
    }

    static Row row(RpmMonths.Monitored r) {
        RpmMonth month = r.month();
        LocalDate today = LocalDate.now(month.timeZone());
        List<Cell> cells = new java.util.ArrayList<>();
        for (int day = 1; day <= month.month().lengthOfMonth(); day++) {
            LocalDate date = month.month().atDay(day);
            String state = month.counted(day) ? "on" : month.otherDataOnly(day) ? "other"
                    : date.isAfter(today) ? "future" : "off";
            cells.add(new Cell(day, state, date + switch (state) {
                case "on" -> ": physiologic data";
                case "other" -> ": only data that does not count (PillBox, battery, steps, sleep)";
                case "future" -> ": still to come";
                default -> ": no data";
            }));
        }
        return new Row(r, cells, month.hint(today));
    }
}
