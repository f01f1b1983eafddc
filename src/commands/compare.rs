//! `brieflint compare BRIEF PROPOSAL`: the side-by-side a planner pastes into an e-mail to
//! the account director. One row per KPI the brief sets (its target, the proposal's figure,
//! a verdict), then budget, timing and funnel stage; as a terminal table, a GitHub Markdown
//! table or JSON. Exit 1 when a row conflicts, 2 when a file cannot be read.

use std::io::{IsTerminal, Write};

use serde::Serialize;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::analysis::Analysis;
use crate::analysis::figures::{
    Figure, Shown, TotalSource, Verdict, budget, flights, format_day, format_value,
    kpi_comparisons, window,
};
use crate::cli::{CompareArgs, CompareFormat};
use crate::config::{self, Config, Trust};
use crate::dictionary::Dictionaries;
use crate::engine;
use crate::input::{self, Input};
use crate::project::Locator;
use crate::report::{self, HumanOptions};
use crate::vocab::DocKind;

/// What a row compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum RowKind {
    Kpi,
    Budget,
    Timing,
    Stage,
}

/// One side of a row: what a document says, where.
#[derive(Debug, Clone, Serialize)]
struct Side {
    text: String,
    line: usize,
    value: Shown,
    unit: Option<&'static str>,
    comparator: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct Row {
    kind: RowKind,
    kpi: Option<String>,
    /// What the row is about, for the tables ("cost per lead (CPL)", "budget").
    #[serde(skip)]
    label: String,
    brief: Option<Side>,
    proposal: Option<Side>,
    verdict: VerdictName,
}

/// A verdict, serialised by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct VerdictName(Verdict);

impl Serialize for VerdictName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.name())
    }
}

#[derive(Serialize)]
struct Comparison<'a> {
    brief: &'a str,
    proposal: &'a str,
    rows: &'a [Row],
}

pub fn run(args: CompareArgs) -> u8 {
    let mut locator = Locator::new();
    let brief_input = Input::file(&args.brief, &mut locator);
    let proposal_input = Input::file(&args.proposal, &mut locator);
    // A configuration named with --config is the user's; one found in the tree is content.
    let (found, trust) = match &args.config {
        Some(path) => (Some(path.clone()), Trust::Given),
        None => (
            config::discover(&proposal_input.project.absolute),
            Trust::Found,
        ),
    };
    let config = match found.map(|path| Config::load(&path, trust)).transpose() {
        Ok(config) => config.unwrap_or_default(),
        Err(err) => {
            let options = HumanOptions {
                color: std::io::stderr().is_terminal(),
                width: super::check::terminal_width(),
            };
            eprint!("{}", report::render(&err, &options));
            return EXIT_ERROR;
        }
    };
    let mut docs = Vec::new();
    for (input, kind) in [
        (&brief_input, DocKind::Brief),
        (&proposal_input, DocKind::Proposal),
    ] {
        match input::read(input, input::DEFAULT_MAX_BYTES) {
            Ok(source) => {
                let mut analysis = engine::analyse(source, &config, args.lang);
                analysis.kind = kind;
                docs.push(analysis);
            }
            Err(err) => {
                eprintln!("error: {}: {}", err.path, err.message);
                return EXIT_ERROR;
            }
        }
    }
    let [brief, proposal] = docs.as_slice() else {
        return EXIT_ERROR;
    };
    let rows = rows(brief, proposal, config.dicts.get());
    let comparison = Comparison {
        brief: brief.path_name(),
        proposal: proposal.path_name(),
        rows: &rows,
    };
    let written = super::print(|out| match args.format {
        CompareFormat::Human => human(&comparison, out),
        CompareFormat::Markdown => markdown(&comparison, out),
        CompareFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &comparison)?;
            writeln!(out)
        }
    });
    if let Err(err) = written {
        eprintln!("error: cannot write the comparison: {err}");
        return EXIT_ERROR;
    }
    if rows.iter().any(|r| r.verdict.0 == Verdict::Conflict) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn side(doc: &Analysis, figure: &Figure) -> Side {
    Side {
        text: quote(doc, figure.span.clone()),
        line: doc.doc.source.line_col(figure.span.start).line,
        value: figure.shown(),
        unit: Some(figure.unit_name()),
        comparator: Some(figure.comparator_name()),
    }
}

fn quote(doc: &Analysis, span: std::ops::Range<usize>) -> String {
    doc.doc.source.text[span]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every row: the brief's KPIs, then budget, timing and stage.
fn rows(brief: &Analysis, proposal: &Analysis, dicts: &Dictionaries) -> Vec<Row> {
    let mut rows: Vec<Row> = kpi_comparisons(brief, proposal, dicts)
        .into_iter()
        .map(|c| Row {
            kind: RowKind::Kpi,
            kpi: Some(dicts.kpi(c.kpi).key.clone()),
            label: short_name(&dicts.kpi(c.kpi).name),
            brief: c.brief.map(|f| side(brief, f)),
            proposal: c.proposal.map(|f| side(proposal, f)),
            verdict: VerdictName(c.verdict),
        })
        .collect();
    rows.push(budget_row(brief, proposal));
    rows.push(timing_row(brief, proposal));
    rows.push(stage_row(brief, proposal));
    rows
}

/// A KPI's name as the tables show it: its abbreviation when it has one ("cost per
/// acquisition (CPA)" is "CPA"), else its name.
fn short_name(name: &str) -> String {
    name.strip_suffix(')')
        .and_then(|n| n.rsplit_once('('))
        .map(|(_, abbreviation)| abbreviation)
        .filter(|a| a.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or(name)
        .to_string()
}

fn budget_row(brief: &Analysis, proposal: &Analysis) -> Row {
    let comparison = budget(brief, proposal);
    let shown = comparison
        .conflicts
        .first()
        .copied()
        .or_else(|| {
            (0..comparison.totals.len()).max_by(|&a, &b| {
                comparison.totals[a]
                    .value
                    .total_cmp(&comparison.totals[b].value)
            })
        })
        .map(|i| &comparison.totals[i]);
    Row {
        kind: RowKind::Budget,
        kpi: None,
        label: "budget".into(),
        brief: comparison.brief.map(|f| side(brief, f)),
        proposal: shown.map(|total| Side {
            text: match total.source {
                TotalSource::Sum => format!(
                    "sum of the budget table: {} {}",
                    format_value(total.value),
                    total.currency.code()
                ),
                // A cell whose currency is in its column's header: "2 300" under "тис. грн".
                _ if !quote(proposal, total.span.clone())
                    .contains(|c: char| c.is_alphabetic() || "€$£₽₴".contains(c)) =>
                {
                    format!("{} {}", format_value(total.value), total.currency.code())
                }
                _ => quote(proposal, total.span.clone()),
            },
            line: proposal.doc.source.line_col(total.span.start).line,
            value: Shown::Number(total.value),
            unit: Some(total.currency.code()),
            comparator: Some("exact"),
        }),
        verdict: VerdictName(comparison.verdict),
    }
}

fn timing_row(brief: &Analysis, proposal: &Analysis) -> Row {
    let mut row = Row {
        kind: RowKind::Timing,
        kpi: None,
        label: "timing".into(),
        brief: None,
        proposal: None,
        verdict: VerdictName(Verdict::NotAddressed),
    };
    let Some(window) = window(brief) else {
        let any_flight = proposal.figures.stated().any(|f| {
            f.date()
                .is_some_and(|(_, u)| u == crate::analysis::figures::DateUse::Campaign)
        });
        if any_flight {
            row.verdict = VerdictName(Verdict::NotComparable);
        }
        return row;
    };
    let interval = |start: Option<crate::figures::Day>, end: Option<crate::figures::Day>| {
        let day = |d: Option<crate::figures::Day>| d.map(format_day).unwrap_or_default();
        Shown::Text(format!("{}/{}", day(start), day(end)))
    };
    if let Some(first) = window.figures.first() {
        row.brief = Some(Side {
            text: window
                .figures
                .iter()
                .map(|f| quote(brief, f.span.clone()))
                .collect::<Vec<_>>()
                .join(" + "),
            line: brief.doc.source.line_col(first.span.start).line,
            value: interval(window.start, window.end),
            unit: Some("date"),
            comparator: Some(if window.deadline_only { "cap" } else { "range" }),
        });
    }
    let flights = flights(proposal, &window);
    let shown = flights.iter().find(|f| f.outside).or_else(|| {
        // Else the flight that covers most of the campaign.
        flights.iter().max_by_key(|f| {
            let key =
                |d: Option<crate::figures::Day>| d.map(|d| (d.year, d.month, d.day.unwrap_or(1)));
            (key(f.end), std::cmp::Reverse(key(f.start)))
        })
    });
    if let Some(flight) = shown {
        row.proposal = Some(Side {
            value: interval(flight.start, flight.end),
            ..side(proposal, flight.figure)
        });
        row.verdict = VerdictName(if flights.iter().any(|f| f.outside) {
            Verdict::Conflict
        } else {
            Verdict::Meets
        });
    }
    row
}

fn stage_row(brief: &Analysis, proposal: &Analysis) -> Row {
    let stage_side = |doc: &Analysis| {
        let stage = doc.objective.stage?;
        let evidence = doc.strongest_evidence(3);
        Some(Side {
            text: doc.mention_words(&evidence),
            line: evidence
                .first()
                .map_or(1, |m| doc.doc.source.line_col(m.span.start).line),
            value: Shown::Text(stage.name().into()),
            unit: None,
            comparator: None,
        })
    };
    let verdict = match (brief.objective.stage, proposal.objective.stage) {
        (Some(a), Some(b)) if a == b => Verdict::Meets,
        (Some(_), Some(_)) => Verdict::Conflict,
        (Some(_), None) => Verdict::NotAddressed,
        (None, _) => Verdict::NotComparable,
    };
    Row {
        kind: RowKind::Stage,
        kpi: None,
        label: "funnel stage".into(),
        brief: stage_side(brief),
        proposal: stage_side(proposal),
        verdict: VerdictName(verdict),
    }
}

/// A side as a table cell of at most `width` characters, cutting the quoted text rather
/// than the line: "≤ £32 (line 17)"; a stage with its KPIs: "conversion (CPA, sales)".
/// `compact` (the terminal) shows dates as ISO ("2026-01-05→03-15") and lines as "(17)".
fn cell(side: Option<&Side>, width: usize, compact: bool) -> String {
    let Some(side) = side else {
        return "—".into();
    };
    let symbol = match side.comparator {
        Some("cap") if side.unit != Some("date") => "≤ ",
        Some("floor") if side.unit != Some("date") => "≥ ",
        _ => "",
    };
    let line = if compact {
        format!(" ({})", side.line)
    } else {
        format!(" (line {})", side.line)
    };
    let (text, suffix) = match &side.value {
        Shown::Text(stage) if side.unit.is_none() => {
            (format!("{stage} ({}", side.text), ")".into())
        }
        Shown::Text(dates) if compact && side.unit == Some("date") => (iso_span(dates), line),
        _ => (format!("{symbol}{}", side.text), line),
    };
    let room = width.saturating_sub(suffix.chars().count()).max(8);
    format!("{}{suffix}", cut(&text, room))
}

/// "2026-01-05/2026-03-15" as "2026-01-05→03-15" (the year once when it is the same).
fn iso_span(interval: &str) -> String {
    match interval.split_once('/') {
        Some((start, end)) if start.len() == 10 && end.starts_with(&start[..5]) => {
            format!("{start}→{}", &end[5..])
        }
        Some((start, end)) => format!("{start}→{end}"),
        None => interval.to_string(),
    }
}

/// `text` cut to `width` characters, with "…" when cut.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// The total width of the terminal table, and the most its first column takes.
const WIDTH: usize = 100;
const LABEL_WIDTH: usize = 25;

fn human(comparison: &Comparison<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "brief:    {}\nproposal: {}\n",
        comparison.brief, comparison.proposal
    )?;
    let verdict_width = "not-comparable".len();
    let label_width = comparison
        .rows
        .iter()
        .map(|r| r.label.chars().count())
        .chain(["".len()])
        .max()
        .unwrap_or(0)
        .min(LABEL_WIDTH);
    // Three gaps of two spaces between four columns.
    let side_width = (WIDTH - label_width - verdict_width - 6) / 2;
    let line = |out: &mut dyn Write, cells: [&str; 4]| {
        writeln!(
            out,
            "{}  {}  {}  {}",
            pad(cells[0], label_width),
            pad(cells[1], side_width),
            pad(cells[2], side_width),
            cells[3]
        )
    };
    line(out, ["", "brief (line)", "proposal (line)", "verdict"])?;
    let rule = |w: usize| "─".repeat(w);
    line(
        out,
        [
            &rule(label_width),
            &rule(side_width),
            &rule(side_width),
            &rule(verdict_width),
        ],
    )?;
    for row in comparison.rows {
        line(
            out,
            [
                &row.label,
                &cell(row.brief.as_ref(), side_width, true),
                &cell(row.proposal.as_ref(), side_width, true),
                row.verdict.0.name(),
            ],
        )?;
    }
    let conflicts = comparison
        .rows
        .iter()
        .filter(|r| r.verdict.0 == Verdict::Conflict)
        .count();
    let plural = if conflicts == 1 { "" } else { "s" };
    writeln!(out, "\n{conflicts} conflict{plural}")
}

/// `text` cut or padded to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let text = cut(text, width);
    let count = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(count)))
}

fn markdown(comparison: &Comparison<'_>, out: &mut dyn Write) -> std::io::Result<()> {
    let escape = |text: &str| text.replace('\\', "\\\\").replace('|', "\\|");
    writeln!(
        out,
        "**Brief:** `{}` · **Proposal:** `{}`\n",
        comparison.brief.replace('`', "'"),
        comparison.proposal.replace('`', "'")
    )?;
    writeln!(out, "| | Brief | Proposal | Verdict |")?;
    writeln!(out, "|---|---|---|---|")?;
    for row in comparison.rows {
        let verdict = match row.verdict.0 {
            Verdict::Conflict => "**conflict**".to_string(),
            other => other.name().to_string(),
        };
        writeln!(
            out,
            "| {} | {} | {} | {verdict} |",
            escape(&row.label),
            escape(&cell(row.brief.as_ref(), usize::MAX, false)),
            escape(&cell(row.proposal.as_ref(), usize::MAX, false))
        )?;
    }
    Ok(())
}
