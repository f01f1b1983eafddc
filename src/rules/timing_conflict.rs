use super::{Context, declare_rule};
use crate::analysis::figures::{flights, format_day, window};
use crate::finding::{Finding, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Reads the campaign window the brief sets ("Campaign window: 4 May to 28 June 2026",
    /// "Objectifs (du 2 février au 30 avril 2026)", "Кампания идёт с 1 апреля по 30 июня") and
    /// reports each flight of the proposal that starts before it or ends after it (or, when
    /// the brief gives only a deadline, starts after the deadline): the campaign, a phase, a
    /// wave, a media-plan row with dates. Meetings, reports, shoots, approvals and events are
    /// not flights. A date without a year is placed in the year nearest the window.
    ///
    /// ## Why is this bad?
    /// Media booked outside the client's window is spent when the product is not on sale,
    /// the budget is not open, or the season is over; the client notices when the invoice
    /// arrives.
    ///
    /// ## Example
    /// Brief: `Objectifs (campagne du 5 janvier au 15 mars 2026)`.
    /// ```markdown
    /// | Teasing | 8 décembre 2025 – 4 janvier 2026 | Vidéo en ligne | 18 k€ |
    /// ```
    ///
    /// Use instead: keep every flight inside the window, or ask the client to move it first:
    /// ```markdown
    /// | Teasing | 5 – 18 janvier 2026 | Vidéo en ligne | 18 k€ |
    /// ```
    pub static TIMING_CONFLICT = Rule {
        id: RuleId::TimingConflict,
        severity: Severity::Error,
        summary: "A flight of the proposal outside the brief's campaign window",
        check: check,
    };
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some((doc, brief)) = ctx.proposal_and_brief() else {
        return;
    };
    let Some(window) = window(brief) else {
        return;
    };
    let span = |d: Option<crate::figures::Day>| d.map_or_else(|| "…".to_string(), format_day);
    let asked = if window.deadline_only {
        format!("the brief's deadline ({})", span(window.end))
    } else {
        format!(
            "the brief's window ({} to {})",
            span(window.start),
            span(window.end)
        )
    };
    for flight in flights(doc, &window) {
        if !flight.outside {
            continue;
        }
        let quoted = doc.doc.source.text[flight.figure.span.clone()].trim();
        let early = flight.start.zip(window.start).is_some_and(|(s, w)| s < w);
        let message = if window.deadline_only {
            format!("“{quoted}” starts after {asked}")
        } else if early {
            format!("“{quoted}” starts before {asked}")
        } else {
            format!("“{quoted}” ends after {asked}")
        };
        let mut finding = Finding::new(
            TIMING_CONFLICT.id,
            TIMING_CONFLICT.default_severity,
            flight.figure.span.clone(),
            message,
        )
        .with_label("outside the brief's window")
        .with_help("move the flight inside the brief's window, or agree new dates with the client before booking media");
        for figure in &window.figures {
            finding = finding.with_related(
                &brief.doc.source,
                figure.span.clone(),
                "the brief's campaign dates",
            );
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run_pair;

    fn found(brief: &str, proposal: &str) -> Vec<(usize, String)> {
        run_pair(&TIMING_CONFLICT, brief, proposal)
    }

    #[test]
    fn flights_outside_the_window_are_reported_in_four_languages() {
        assert_eq!(
            found(
                "# Brief\n\n## Timing\n\nCampaign window: 4 May to 28 June 2026.\n",
                "# Plan\n\n## Flighting\n\n| Line | Dates | Budget |\n|---|---|---|\n| Search | 4 May – 28 June | £330,000 |\n| Influencers | 18 May – 26 July | £190,000 |\n",
            ),
            vec![(8, "18 May – 26 July".into())]
        );
        assert_eq!(
            found(
                "# Brief\n\n## Objectifs (campagne du 5 janvier au 15 mars 2026)\n\n- 2 000 réservations\n",
                "# Reco\n\n## Calendrier\n\n- Teasing du 8 décembre 2025 au 4 janvier 2026\n- Campagne du 5 janvier au 15 mars 2026\n",
            ),
            vec![(5, "8 décembre 2025 au 4 janvier 2026".into())]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Сроки\n\nКампания идёт с 1 апреля по 30 июня 2026 года.\n",
                "# Предложение\n\n## План\n\n- Запуск кампании: 16 марта\n",
            ),
            vec![(5, "16 марта".into())]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Цілі кампанії (1 березня — 31 травня 2026 року)\n\n- Заявки: 2 400\n",
                "# Пропозиція\n\n## Графік\n\n- Хвиля 2: 1 — 20 червня\n",
            ),
            vec![(5, "1 — 20 червня".into())]
        );
    }

    #[test]
    fn meetings_reports_shoots_and_flights_inside_are_not() {
        assert_eq!(
            found(
                "# Brief\n\n## Objectives (2 March to 31 May 2026)\n\n- 4,800 bookings\n",
                "# Plan\n\n## Timeline\n\n- Set-up and tracking checks: 16 to 27 February\n- Campaign live: 2 March to 31 May\n- Final report: 12 June\n",
            ),
            vec![]
        );
        assert_eq!(
            found(
                "# Brief\n\n## Objectifs (du 2 février au 30 avril 2026)\n\n- 3 000 souscriptions\n",
                "# Reco\n\n## Calendrier\n\n- Réunion de lancement le 8 janvier 2026\n- Tournage du 12 au 16 janvier\n- Bilan complet le 20 mai 2026\n",
            ),
            vec![]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Сроки\n\nКампания идёт с 1 апреля по 30 июня 2026 года.\n",
                "# Предложение\n\n## Отчёты\n\nИтоговый отчёт — 10 июля.\n",
            ),
            vec![]
        );
        assert_eq!(
            found(
                "# Бриф\n\n## Терміни\n\nПрограма працює з 1 квітня по 30 вересня 2026 року.\n",
                "# Пропозиція\n\n## Як працюємо\n\nКреативи для тизера покажемо 6 березня.\n",
            ),
            vec![]
        );
    }
}
