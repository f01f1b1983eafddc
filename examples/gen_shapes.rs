//! Degenerate documents for the linear-time check of `scripts/bench.sh`.
//!
//! ```text
//! cargo run --release --example gen_shapes -- --shape headings --mb 16 --out FILE
//! ```
//!
//! Each shape stresses one dimension of a document that real briefs only touch lightly, so
//! that a cost growing with the square of that dimension shows as time per MB rising with
//! the file's size. The same arguments always give the same bytes; the file is the whole
//! units that fit in the size asked for (at least one).

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::process::ExitCode;

const USAGE: &str = "\
usage: gen_shapes --shape SHAPE --mb MB --out FILE

  --shape SHAPE   headings     `## Step N` headings, one per line
                  list-items   `- item N` items of one list
                  table-rows   rows of one three-column table
                  findings     paragraphs of one line, each 200 jargon findings long
                  h1-leverage  `# leverage` lines: one heading and one finding each
                  prose        paragraphs of plain sentences, a finding in one of eight:
                               the control, and the files of the memory checks
  --mb MB         size in MiB (decimals allowed)
  --out FILE      file to write (replaced if present)
  -h, --help      print this help
";

/// Every shape, in the order the benchmark prints them.
const SHAPES: [&str; 6] = [
    "headings",
    "list-items",
    "table-rows",
    "findings",
    "h1-leverage",
    "prose",
];

/// The sentences of `prose`, taken in turn, five to a paragraph.
const SENTENCES: [&str; 8] = [
    "The client sells bicycles in Lyon and Bordeaux through twelve shops and a website.",
    "Last spring the stores saw fewer visits on weekdays than at weekends.",
    "We will leverage the spring season with a local radio plan.",
    "Each shop manager will get a weekly report of visits and sales.",
    "The budget covers eight weeks of radio, posters near the shops and paid search.",
    "Families who cycle to school are the first audience, commuters the second.",
    "A short survey in the shops will tell us whether people heard the radio spots.",
    "Results will be compared with the same weeks of the year before.",
];

/// "leverage" and "synergy" are both English jargon entries.
const FINDINGS_LINE: &str = "leverage synergy ";

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(None) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Some((shape, bytes, out))) => match write_shape(&shape, bytes, &out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gen_shapes: cannot write {out}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("gen_shapes: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `(shape, bytes, out)`, or `None` for `--help`.
fn parse_args(
    mut argv: impl Iterator<Item = String>,
) -> Result<Option<(String, u64, String)>, String> {
    let (mut shape, mut mb, mut out) = (None, None, None);
    while let Some(arg) = argv.next() {
        let mut value = || argv.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--shape" => shape = Some(value()?),
            "--mb" => mb = Some(value()?),
            "--out" => out = Some(value()?),
            _ => return Err(format!("unknown argument `{arg}`")),
        }
    }
    let shape = shape.ok_or("--shape is required")?;
    if !SHAPES.contains(&shape.as_str()) {
        return Err(format!("unknown shape `{shape}`"));
    }
    let mb = mb.ok_or("--mb is required")?;
    let mb = mb
        .parse::<f64>()
        .ok()
        .filter(|mb| mb.is_finite() && *mb > 0.0 && *mb < 1e6)
        .ok_or_else(|| format!("--mb must be a positive number, not `{mb}`"))?;
    let out = out.ok_or("--out is required")?;
    Ok(Some((shape, (mb * 1_048_576.0).round() as u64, out)))
}

/// Writes the shape's opening, then its `n`-th unit for n = 1, 2, … while it fits in `bytes`.
fn write_shape(shape: &str, bytes: u64, out: &str) -> std::io::Result<()> {
    let mut file = BufWriter::new(File::create(out)?);
    let mut written = 0u64;
    if shape == "table-rows" {
        let head = "| Week | Channel | Budget |\n|---:|---|---:|\n";
        file.write_all(head.as_bytes())?;
        written += head.len() as u64;
    }
    let findings = FINDINGS_LINE.repeat(100);
    let mut unit = String::new();
    for n in 1u64.. {
        unit.clear();
        // Writing to a String cannot fail.
        let _ = match shape {
            "headings" => writeln!(unit, "## Step {n}"),
            "list-items" => writeln!(unit, "- item {n}"),
            "table-rows" => writeln!(unit, "| {n} | Social video | {} |", n % 90 * 100),
            "findings" => writeln!(unit, "{findings}\n"),
            "h1-leverage" => writeln!(unit, "# leverage"),
            _ => {
                let first = n as usize * 5;
                let paragraph = (first..first + 5).map(|i| SENTENCES[i % SENTENCES.len()]);
                writeln!(unit, "{}\n", paragraph.collect::<Vec<_>>().join(" "))
            }
        };
        if n > 1 && written + unit.len() as u64 > bytes {
            break;
        }
        file.write_all(unit.as_bytes())?;
        written += unit.len() as u64;
    }
    file.flush()
}
