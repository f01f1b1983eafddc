use super::{Context, declare_rule};
use crate::analysis::figures::{Cell, Table, format_value};
use crate::figures::Unit;
use crate::finding::{Finding, Severity};
use crate::vocab::RuleId;

declare_rule! {
    /// ## What it does
    /// Adds up the rows of each table (and list of amounts) that states a total ("Total",
    /// "Итого", "Разом", "Sous-total"), column by column, and reports a total its parts do
    /// not add up to, beyond rounding (0.5 % of the total); and a share column meant to
    /// cover the whole ("Share", "Доля", "Частка" in a budget table, or a total of 100 %)
    /// that does not add up to 100 % (±1 point). Reported on the total (or the last row).
    ///
    /// ## Why is this bad?
    /// A media plan whose lines do not add up to its total is the first thing a client's
    /// procurement team checks, and one wrong sum makes every other figure suspect.
    ///
    /// ## Example
    /// ```markdown
    /// | Levier | Budget HT |
    /// |---|---|
    /// | Recherche payante | 72 000 € |
    /// | Réseaux sociaux | 108 000 € |
    /// | **Total** | **176 000 €** |
    /// ```
    ///
    /// Use instead: a total that is the sum of its rows (here 180 000 €), or rows that
    /// add up to the total you mean.
    pub static PLAN_ARITHMETIC = Rule {
        id: RuleId::PlanArithmetic,
        severity: Severity::Warning,
        summary: "A table or list whose parts do not add up to its stated total",
        check: check,
    };
}

/// Rounding a total may carry: 0.5 % of it, or one point of a share.
const ROUNDING: f64 = 0.005;
const SHARE_ROUNDING: f64 = 1.0;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for table in &ctx.doc.figures.tables {
        for col in 1..table.columns.len() {
            check_column(table, col, out);
        }
    }
}

/// A column's totals against the rows above them, subtotals included.
fn check_column(table: &Table, col: usize, out: &mut Vec<Finding>) {
    let column = &table.columns[col];
    if column.not_additive {
        return;
    }
    // Rows since the last (sub)total, and the totals so far.
    let mut parts: Vec<&Cell> = Vec::new();
    let mut subtotals: Vec<&Cell> = Vec::new();
    let mut checked = false;
    for row in &table.rows {
        let Some(value) = row.cells.get(col).and_then(Option::as_ref) else {
            continue;
        };
        if !row.total {
            parts.push(value);
            continue;
        }
        checked = true;
        let share =
            column.share || (value.amount.unit == Unit::Percent && value.amount.value == 100.0);
        let sums = [
            sum(&parts, value),
            sum(&subtotals, value)
                .zip(sum(&parts, value))
                .map(|(a, b)| a + b),
        ];
        let tolerance = if share {
            SHARE_ROUNDING
        } else {
            ROUNDING * value.amount.value.abs()
        };
        let additive = share || value.amount.unit != Unit::Percent;
        let wrong = sums.iter().flatten().next().is_some()
            && sums
                .iter()
                .flatten()
                .all(|s| (s - value.amount.value).abs() > tolerance);
        if additive && parts.len() + subtotals.len() >= 2 && wrong {
            // With subtotals above, the sum that counts them.
            let found = sums.iter().flatten().last().copied().unwrap_or_default();
            out.push(finding(value, found, share));
        }
        subtotals.push(value);
        parts.clear();
    }
    // A share column of a budget table with no total row must still cover the whole.
    let budget_table = table.columns.iter().any(|c| c.money);
    if !checked && column.share && budget_table && parts.len() >= 2 {
        let total: f64 = parts.iter().map(|c| c.amount.value).sum();
        let percent = parts.iter().all(|c| c.amount.unit == Unit::Percent);
        if percent && (total - 100.0).abs() > SHARE_ROUNDING {
            let last = parts[parts.len() - 1];
            out.push(
                Finding::new(
                    PLAN_ARITHMETIC.id,
                    PLAN_ARITHMETIC.default_severity,
                    last.span.clone(),
                    format!("the shares add up to {} %, not 100 %", format_value(total)),
                )
                .with_label("shares do not cover the whole")
                .with_help(
                    "make the shares add up to 100 %, or say what the rest of the budget is for",
                ),
            );
        }
    }
}

/// The sum of `cells` when they are all in the total's unit.
fn sum(cells: &[&Cell], total: &Cell) -> Option<f64> {
    let same = !cells.is_empty()
        && cells
            .iter()
            .all(|c| c.amount.unit == total.amount.unit && c.amount.relative.is_none());
    same.then(|| cells.iter().map(|c| c.amount.value).sum())
}

fn finding(total: &Cell, sum: f64, share: bool) -> Finding {
    let unit = match total.amount.unit {
        Unit::Currency(c) => format!(" {}", c.code()),
        Unit::Percent => " %".to_string(),
        _ => String::new(),
    };
    let message = if share {
        format!(
            "the shares above add up to {}{unit}, not the {}{unit} stated",
            format_value(sum),
            format_value(total.amount.value)
        )
    } else {
        format!(
            "the rows above add up to {}{unit}, not the {}{unit} stated",
            format_value(sum),
            format_value(total.amount.value)
        )
    };
    Finding::new(
        PLAN_ARITHMETIC.id,
        PLAN_ARITHMETIC.default_severity,
        total.span.clone(),
        message,
    )
    .with_label("not the sum of the rows")
    .with_help("correct the total or the rows, so that the plan adds up")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{analyse, run};

    fn found(text: &str) -> Vec<(usize, String)> {
        run(&PLAN_ARITHMETIC, &analyse("plan.md", text), None)
    }

    #[test]
    fn totals_that_are_not_the_sum_are_reported_in_four_languages() {
        assert_eq!(
            found(
                "# Plan\n\n| Channel | Budget |\n|---|---|\n| Search | £44,000 |\n| Social | £74,000 |\n| **Total** | **£120,000** |\n"
            ),
            vec![(7, "£120,000".into())]
        );
        assert_eq!(
            found(
                "# Plan média\n\n- Recherche payante : 72 000 €\n- Réseaux sociaux : 108 000 €\n- Total : 176 000 €\n"
            ),
            vec![(5, "176 000 €".into())]
        );
        assert_eq!(
            found(
                "# Медиаплан\n\n| Канал | Бюджет, тыс. ₽ | Доля |\n|---|---|---|\n| Поиск | 3 600 | 40 % |\n| Соцсети | 5 400 | 60 % |\n| **Итого** | **9 500** | **100 %** |\n"
            ),
            vec![(7, "9 500".into())]
        );
        assert_eq!(
            found(
                "# Медіаплан\n\n| Канал | Бюджет | Частка |\n|---|---|---|\n| Пошук | 980 тис. грн | 40 % |\n| Відео | 370 тис. грн | 15 % |\n| Facebook | 610 тис. грн | 25 % |\n"
            ),
            vec![(7, "25 %".into())]
        );
    }

    #[test]
    fn plans_that_add_up_are_not() {
        for text in [
            "# Plan\n\n| Channel | Budget | Share |\n|---|---|---|\n| Search | £44,000 | 37 % |\n| Social | £76,000 | 63 % |\n| **Total** | **£120,000** | **100 %** |\n",
            // Rounded: 33.3 + 33.3 + 33.3 is 100 within a point.
            "# Plan\n\n| Canal | Part |\n|---|---|\n| A | 33,3 % |\n| B | 33,3 % |\n| C | 33,3 % |\n| Total | 100 % |\n",
            // A subtotal and its lines.
            "# План\n\n| Канал | Бюджет |\n|---|---|\n| ТВ | 2 млн ₽ |\n| Радио | 1 млн ₽ |\n| Итого медиа | 3 млн ₽ |\n| Производство | 1 млн ₽ |\n| Всего | 4 млн ₽ |\n",
            // Rates do not add up; a brief's price list has no total.
            "# План\n\n| Канал | CTR |\n|---|---|\n| Пошук | 2 % |\n| Відео | 1 % |\n| Разом | 1,6 % |\n",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
