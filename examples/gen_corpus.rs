//! Deterministic, seeded corpus generator for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --files 2000 --total-mb 50 --out DIR [--seed 42] [--force]
//! ```
//!
//! Writes Markdown briefs and proposals in English, French, Russian and Ukrainian, one folder
//! per client: `DIR/<lang>/client-0001/brief.md`, `proposal.md` and sometimes
//! `proposal-v2.md`. The same seed and arguments always give a byte-identical tree.
//!
//! Jargon comes from the project's dictionaries (embedded at compile time) at about one term
//! per 80–150 words of prose; more jargon sits in fenced code, inline code and URLs, where the
//! linter must not see it. Proposals use the vocabulary of one funnel stage, which matches the
//! brief's stage in most client folders and not in the others.

use std::fmt::Write as _;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Deserialize;

const USAGE: &str = "\
usage: gen_corpus --files N --total-mb MB --out DIR [--seed SEED] [--force]

  --files N       number of Markdown files to write (at least 1)
  --total-mb MB   approximate total size in MiB (1 MiB = 1,048,576 bytes; decimals allowed)
  --out DIR       output folder; created if missing, must be empty
  --seed SEED     PRNG seed, an unsigned 64-bit integer (default 42)
  --force         replace DIR if it holds only a previous corpus (en/, fr/, ru/, uk/)
  -h, --help      print this help
";

const MIB: f64 = 1_048_576.0;

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

/// Parsed command-line arguments.
struct Args {
    files: usize,
    total_bytes: u64,
    out: PathBuf,
    seed: u64,
    force: bool,
}

/// What the command line asks for.
enum Cli {
    Run(Args),
    Help,
}

/// Parses `--key value` and `--key=value` arguments by hand.
fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Cli, String> {
    let (mut files, mut total_mb, mut out, mut seed, mut force) = (None, None, None, 42, false);
    while let Some(arg) = argv.next() {
        let (key, inline) = match arg.split_once('=') {
            Some((key, value)) if key.starts_with("--") => (key.to_owned(), Some(value.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| argv.next())
                .ok_or_else(|| format!("{key} needs a value"))
        };
        match key.as_str() {
            "-h" | "--help" => return Ok(Cli::Help),
            "--force" if inline.is_none() => force = true,
            "--files" => {
                let n = value()?.parse::<usize>().ok().filter(|&n| n > 0);
                files = Some(n.ok_or("--files must be a positive integer")?);
            }
            "--total-mb" => {
                let mb = value()?.parse::<f64>().ok();
                let mb = mb.filter(|mb| mb.is_finite() && *mb > 0.0 && *mb < 1e6);
                total_mb = Some(mb.ok_or("--total-mb must be a positive number of MiB")?);
            }
            "--out" => out = Some(PathBuf::from(value()?)).filter(|p| !p.as_os_str().is_empty()),
            "--seed" => {
                let s = value()?;
                seed = s
                    .parse()
                    .map_err(|_| format!("--seed must be an unsigned integer, not `{s}`"))?;
            }
            _ => return Err(format!("unknown argument `{arg}`")),
        }
    }
    let files = files.ok_or("--files is required")?;
    let total_mb = total_mb.ok_or("--total-mb is required")?;
    let out = out.ok_or("--out is required")?;
    let total_bytes = ((total_mb * MIB).round() as u64).max(1);
    Ok(Cli::Run(Args {
        files,
        total_bytes,
        out,
        seed,
        force,
    }))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Cli::Run(args)) => args,
        Ok(Cli::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("gen_corpus: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Generates the whole corpus and prints a summary.
fn run(args: &Args) -> Result<(), String> {
    let start = Instant::now();
    prepare_out(&args.out, args.force)?;
    let dictionaries: Vec<Jargon> = LANGS.iter().map(Jargon::parse).collect();
    let mut rng = Rng(args.seed);
    let clients = plan(args.files, &mut rng);
    let sizes = plan_sizes(&clients, args.total_bytes, &mut rng);

    let (mut planned, mut written, mut files) = (0u64, 0u64, 0usize);
    let mut sizes = sizes.into_iter();
    for folder in &clients {
        let lang = &LANGS[folder.lang];
        let mut client_rng = Rng(rng.next_u64());
        let client = Client::new(lang, folder.lang, &mut client_rng);
        let dir = args
            .out
            .join(lang.code)
            .join(format!("client-{:04}", folder.number));
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for &kind in &folder.docs {
            planned += sizes.next().unwrap_or(0);
            // Carry the running error over, so the total lands within one block of the plan.
            let target = planned.saturating_sub(written);
            let doc = Doc::new(&client, &dictionaries, Rng(client_rng.next_u64()), kind);
            let text = doc.build(target);
            let path = dir.join(kind.file_name());
            fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written += text.len() as u64;
            files += 1;
        }
    }

    let secs = start.elapsed().as_secs_f64();
    println!(
        "wrote {files} file{}, {written} bytes ({:.2} MiB) to {} in {secs:.2} s",
        if files == 1 { "" } else { "s" },
        written as f64 / MIB,
        args.out.display(),
    );
    let off = (written as f64 - args.total_bytes as f64) / args.total_bytes as f64;
    if off.abs() > 0.05 {
        println!(
            "note: {:+.1}% from the {:.2} MiB asked for (a document needs a few KiB at least)",
            off * 100.0,
            args.total_bytes as f64 / MIB,
        );
    }
    Ok(())
}

/// Creates `dir`, or empties it when `force` is given and it holds only a previous corpus.
fn prepare_out(dir: &Path, force: bool) -> Result<(), String> {
    let shown = dir.display();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return fs::create_dir_all(dir).map_err(|e| format!("cannot create {shown}: {e}"));
        }
        Err(e) => return Err(format!("cannot use {shown} as the output folder: {e}")),
    };
    let mut foreign = Vec::new();
    let mut any = false;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {shown}: {e}"))?;
        any = true;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !(is_dir && LANGS.iter().any(|lang| lang.code == name)) {
            foreign.push(name);
        }
    }
    if !any {
        return Ok(());
    }
    if !force {
        return Err(format!(
            "{shown} is not empty; pass --force to replace a previous corpus"
        ));
    }
    if !foreign.is_empty() {
        foreign.sort();
        return Err(format!(
            "{shown} does not look like a previous corpus (it holds {}); refusing to delete it",
            foreign.join(", ")
        ));
    }
    fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {shown}: {e}"))?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {shown}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast, and plenty for generating text.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `n` distinct indices below `len` (fewer if `len < n`), in random order.
    fn distinct(&mut self, n: usize, len: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..len).collect();
        let n = n.min(len);
        for i in 0..n {
            let j = i + self.below(len - i);
            all.swap(i, j);
        }
        all.truncate(n);
        all
    }

    /// Standard normal deviate (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit();
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

// ---------------------------------------------------------------------------------------------
// Jargon dictionaries
// ---------------------------------------------------------------------------------------------

/// The part of `dictionaries/jargon/<lang>.toml` the generator needs.
#[derive(Deserialize)]
struct JargonFile {
    entry: Vec<JargonEntry>,
}

#[derive(Deserialize)]
struct JargonEntry {
    term: String,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
}

/// One dictionary's surface forms, per entry: the headword first, then its other forms
/// (still with their brace groups).
struct Jargon {
    entries: Vec<Vec<String>>,
}

impl Jargon {
    fn parse(lang: &Lang) -> Self {
        let file: JargonFile = toml::from_str(lang.jargon)
            .unwrap_or_else(|e| panic!("dictionaries/jargon/{}.toml: {e}", lang.code));
        let entries = file
            .entry
            .into_iter()
            .map(|e| {
                std::iter::once(e.term)
                    .chain(e.forms)
                    .chain(e.exact)
                    .collect()
            })
            .collect();
        Jargon { entries }
    }

    /// Appends one concrete term: a random entry, its headword half the time (else any of
    /// its forms), with one random alternative taken from each brace group.
    fn pick(&self, rng: &mut Rng, out: &mut String) {
        let forms = &self.entries[rng.below(self.entries.len())];
        let form = &forms[if rng.chance(0.5) {
            0
        } else {
            rng.below(forms.len())
        }];
        let mut rest = form.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let group = &rest[open + 1..close];
            let n = group.matches(',').count() + 1;
            out.push_str(group.split(',').nth(rng.below(n)).unwrap_or(""));
            rest = rest.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
    }
}

/// Lower-case, with every run of non-alphanumeric characters turned into one `-`.
fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

// ---------------------------------------------------------------------------------------------
// Plan: client folders and file sizes
// ---------------------------------------------------------------------------------------------

/// The kind of document, which also names its file.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Brief,
    Proposal,
    ProposalV2,
}

impl Kind {
    fn file_name(self) -> &'static str {
        match self {
            Kind::Brief => "brief.md",
            Kind::Proposal => "proposal.md",
            Kind::ProposalV2 => "proposal-v2.md",
        }
    }

    /// Relative weight in the size plan: briefs are shorter than proposals.
    fn size_factor(self) -> f64 {
        match self {
            Kind::Brief => 0.7,
            Kind::Proposal => 1.0,
            Kind::ProposalV2 => 1.1,
        }
    }
}

/// One client folder: its language, its number within the language, and its documents.
struct Folder {
    lang: usize,
    number: usize,
    docs: Vec<Kind>,
}

/// Client folders for `files` documents, languages in turn so each gets an equal share.
fn plan(files: usize, rng: &mut Rng) -> Vec<Folder> {
    let mut numbers = [0usize; 4];
    let mut folders = Vec::new();
    let mut left = files;
    while left > 0 {
        let lang = folders.len() % LANGS.len();
        numbers[lang] += 1;
        let mut docs = vec![Kind::Brief];
        if left >= 2 {
            docs.push(Kind::Proposal);
        }
        if left >= 3 && rng.chance(0.3) {
            docs.push(Kind::ProposalV2);
        }
        left -= docs.len();
        folders.push(Folder {
            lang,
            number: numbers[lang],
            docs,
        });
    }
    folders
}

/// A log-normal size per file (a few big ones, many medium), scaled to `total` bytes.
fn plan_sizes(folders: &[Folder], total: u64, rng: &mut Rng) -> Vec<u64> {
    let weights: Vec<f64> = folders
        .iter()
        .flat_map(|f| f.docs.iter())
        .map(|kind| (0.9 * rng.normal()).exp() * kind.size_factor())
        .collect();
    let sum: f64 = weights.iter().sum();
    weights
        .iter()
        .map(|w| (w / sum * total as f64) as u64)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Language data
// ---------------------------------------------------------------------------------------------

type L = &'static [&'static str];

/// Funnel stages, in the order of the per-stage arrays in [`Lang`].
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Awareness,
    Consideration,
    Conversion,
    Loyalty,
}

const STAGES: [Stage; 4] = [
    Stage::Awareness,
    Stage::Consideration,
    Stage::Conversion,
    Stage::Loyalty,
];

impl Stage {
    fn name(self) -> &'static str {
        match self {
            Stage::Awareness => "awareness",
            Stage::Consideration => "consideration",
            Stage::Conversion => "conversion",
            Stage::Loyalty => "loyalty",
        }
    }
}

/// How amounts of money are written.
#[derive(Clone, Copy)]
enum Currency {
    Pound,
    Euro,
    Rouble,
    Hryvnia,
}

/// Section headings, a few variants each.
struct Heads {
    background: L,
    objectives: L,
    kpis: L,
    audience: L,
    budget: L,
    timing: L,
    measurement: L,
    media: L,
    approach: L,
    markets: L,
    flighting: L,
    notes: L,
    tracking: L,
    risks: L,
    creative: L,
    competitors: L,
}

/// Everything language-specific. Sentence templates use `{placeholders}`, see
/// [`Doc::placeholder`].
struct Lang {
    code: &'static str,
    jargon: &'static str,
    currency: Currency,
    thousands: &'static str,
    decimal: &'static str,
    percent: &'static str,
    million: &'static str,
    colon: &'static str,
    date_sep: &'static str,
    year_suffix: &'static str,
    months: [&'static str; 12],
    in_months: [&'static str; 12],
    /// Client name, URL slug and what the client sells (in the accusative in ru/uk).
    clients: &'static [(&'static str, &'static str, &'static str)],
    audiences: L,
    cities: &'static [(&'static str, &'static str)],
    agencies: L,
    people: L,
    campaigns: L,
    brief_titles: L,
    proposal_titles: L,
    v2: &'static str,
    meta: [&'static str; 3],
    byline: &'static str,
    heads: Heads,
    background: L,
    audience: L,
    approach: L,
    measurement: L,
    budget: L,
    objective_prose: L,
    objectives_lead: &'static str,
    vague: L,
    quotes: L,
    risks: L,
    timeline: L,
    mixed: L,
    jargon_frames: L,
    stage_kpis: [L; 4],
    stage_objectives: [L; 4],
    stage_lines: [L; 4],
    stage_metrics: [&'static [(&'static str, char)]; 4],
    channels: L,
    media_header: &'static str,
    kpi_header: &'static str,
    flight_header: &'static str,
    week: &'static str,
    route: &'static str,
    link_texts: L,
    code_comment: &'static str,
}

static LANGS: [Lang; 4] = [EN, FR, RU, UK];

const EN: Lang = Lang {
    code: "en",
    jargon: include_str!("../dictionaries/jargon/en.toml"),
    currency: Currency::Pound,
    thousands: ",",
    decimal: ".",
    percent: "%",
    million: " million",
    colon: ":",
    date_sep: "/",
    year_suffix: "",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    in_months: [
        "in January",
        "in February",
        "in March",
        "in April",
        "in May",
        "in June",
        "in July",
        "in August",
        "in September",
        "in October",
        "in November",
        "in December",
    ],
    clients: &[
        (
            "Northwind Coffee",
            "northwind",
            "coffee beans and a monthly coffee subscription",
        ),
        (
            "Halden Bakery",
            "halden",
            "fresh bread and office lunch boxes",
        ),
        (
            "Brightwater Energy",
            "brightwater",
            "heat pump installation",
        ),
        ("Kestrel Bikes", "kestrel", "e-bike leasing for commuters"),
        (
            "Marlow Insurance",
            "marlow",
            "contents insurance for renters",
        ),
        ("Fernhill Dental", "fernhill", "a family dental plan"),
        (
            "Oakridge Homes",
            "oakridge",
            "three-bedroom homes on the Riverside site",
        ),
        ("Bluefin Telecom", "bluefin", "home broadband at 900 Mbps"),
        (
            "Larch & Co",
            "larch",
            "its spring collection of rain jackets",
        ),
        (
            "Thistle Opticians",
            "thistle",
            "eye tests and contact lenses",
        ),
        ("Tidewater Ferries", "tidewater", "weekend ferry passes"),
        (
            "Copperleaf Tea",
            "copperleaf",
            "loose-leaf tea subscriptions",
        ),
    ],
    audiences: &[
        "commuters aged 25–44 in large towns",
        "young families who rent",
        "retired couples who travel off-season",
        "first-time buyers with a household income above £40,000",
        "owners of small businesses",
        "first-year students",
        "existing customers who have not ordered in six months",
    ],
    cities: &[
        ("Leeds", "in Leeds"),
        ("Bristol", "in Bristol"),
        ("Manchester", "in Manchester"),
        ("Glasgow", "in Glasgow"),
        ("Cardiff", "in Cardiff"),
        ("Belfast", "in Belfast"),
        ("Newcastle", "in Newcastle"),
        ("Nottingham", "in Nottingham"),
        ("Brighton", "in Brighton"),
        ("Edinburgh", "in Edinburgh"),
    ],
    agencies: &[
        "Tidewrack Studio",
        "Northlight Media",
        "Brick Lane Partners",
        "Fieldnote Agency",
        "Harbour & Hill",
        "Signal Yard",
    ],
    people: &[
        "Sarah Collins, Head of Marketing",
        "James Okafor, Brand Manager",
        "Priya Shah, Marketing Director",
        "Tom Reilly, Digital Lead",
        "Emma Lawson, Chief Marketing Officer",
        "Daniel Hughes, E-commerce Manager",
    ],
    campaigns: &[
        "Spring relaunch",
        "The Quiet Season",
        "Back to school",
        "New customers 2026",
        "Winter switch",
        "Open house weekends",
        "Summer on the coast",
        "Refer a friend",
    ],
    brief_titles: &[
        "Brief: {client} — {campaign}",
        "{client}: {campaign} campaign brief",
        "Client brief — {campaign} ({client})",
    ],
    proposal_titles: &[
        "Proposal: {campaign} for {client}",
        "{client} — {campaign}: our recommendation",
        "{campaign}: media proposal for {client}",
    ],
    v2: " (revised)",
    meta: ["**Client:**", "**Contact:**", "**Date:**"],
    byline: "*Proposal from {agency}, {date}*",
    heads: Heads {
        background: &["Background", "Context", "Current situation"],
        objectives: &["Objectives", "Goals", "What the campaign must achieve"],
        kpis: &["KPIs", "Success metrics", "Key metrics"],
        audience: &["Audience", "Target audience", "Who we are talking to"],
        budget: &["Budget", "Investment", "Media spend"],
        timing: &["Timing", "Timeline", "Key dates"],
        measurement: &[
            "Measurement",
            "Tracking and reporting",
            "How we will measure",
        ],
        media: &["Media plan", "Channels and budget"],
        approach: &["Our approach", "Strategy", "Creative idea"],
        markets: &["Regional detail", "Markets"],
        flighting: &["Flighting by week", "Weekly plan"],
        notes: &["Notes from the briefing call", "Client feedback"],
        tracking: &["Tracking setup", "Tagging plan"],
        risks: &["Risks and assumptions", "Open questions"],
        creative: &["Creative routes", "Content plan"],
        competitors: &["Competitor review", "Competitive landscape"],
    },
    background: &[
        "{client} has sold {product} {in_city} since {year0}, mostly through its own shops and website.",
        "Last year the category grew by {pct}, but our share fell from {pct} to {pct_down}.",
        "Most customers find us through search or through friends; paid media has been limited to a few local radio bursts.",
        "A new competitor, {competitor}, opened {n} stores in the region and undercuts us on price by around {pct}.",
        "Our website had {big} visits last quarter, and about {pct} of them came from mobile.",
        "The board expects results within the financial year, which ends {month}.",
        "We tested a small social campaign {month} and learnt that short videos did better than static posts.",
        "Customer research from {year0} shows that people like the product but do not remember the name.",
        "Prices went up by {pct} {month}, and we need to explain why the offer is still good value.",
        "Demand is seasonal and peaks towards the end of the year.",
        "Around {pct} of last year's sales came from repeat customers.",
    ],
    audience: &[
        "The core audience is {audience}.",
        "We also want to reach {audience2}, who tend to compare several offers before buying.",
        "They read reviews, ask friends and rarely click on banners.",
        "Roughly {pct} of current customers live within 20 minutes of a store.",
        "They use Instagram and YouTube daily and listen to local radio in the car.",
        "Most of them decide within a week, usually after a visit to the website.",
    ],
    approach: &[
        "We propose one idea across every channel: real customers on an ordinary day, in their own words.",
        "The first two weeks build reach with video; the following weeks retarget people who watched at least half of a film.",
        "Each film ends with a simple offer and a link to the booking page.",
        "We keep the message short: one benefit, one proof point, one action.",
        "Search and social ads run on the same calendar so that the messages support each other.",
        "Local partners {in_city} will display posters and hand out vouchers in the first month.",
        "Creative is tested in two versions, and the weaker one is switched off after ten days.",
        "We recommend fewer channels with more weight rather than a thin presence everywhere.",
        "The launch runs on {channel}; {channel} keeps the message visible afterwards.",
    ],
    measurement: &[
        "Sales and sign-ups are tracked in the CRM, with the source recorded for every order.",
        "We compare the campaign period with the same weeks of {year0} as a baseline.",
        "A control region without paid media gives us a clean read of the uplift.",
        "All links carry {utm} so that traffic can be traced to each channel.",
        "The weekly report is shared at {url}.",
        "Results from the previous wave are summarised in {link}.",
        "Brand awareness is measured with two online surveys of {big} respondents, before and after the campaign.",
        "Calls from the ads go through call tracking numbers, so phone sales are counted too.",
    ],
    budget: &[
        "The total budget is {money}, including production and agency fees.",
        "About {pct} of the budget goes to media; the rest covers production and research.",
        "We expect responses by {date}, and the campaign starts on {date2}.",
        "Any increase in spend will be decided after the first monthly report.",
        "Production must be finished two weeks before launch to allow for approvals.",
        "We recommend adding {money} to {channel} in the second month if the first results hold.",
    ],
    objective_prose: &[
        "The main measure of success is {kpi}.",
        "We will report on {kpi} and {kpi2} every week.",
        "Every number here has a baseline from {year0} so that progress can be checked.",
        "If we have to choose, we will optimise for {kpi} first.",
    ],
    objectives_lead: "By the end of the campaign we want to reach these numbers:",
    vague: &[
        "Make {client} the first name people think of in the category",
        "Improve how customers feel about the brand",
    ],
    quotes: &[
        "We need something people will remember after the first week, not just another discount.",
        "Please keep the tone friendly and plain; our customers do not like hard selling.",
        "Last year's campaign looked good, but we could not tell what it actually sold.",
        "Whatever we do has to work on a phone screen first.",
    ],
    risks: &[
        "Stock levels may limit how hard we can push {month}.",
        "Legal approval of creative can take up to ten working days.",
        "Platform costs usually rise in the fourth quarter; CPM may be {pct} higher than planned.",
        "If the landing page is not ready by {date}, search campaigns will start later.",
        "The survey sample in smaller towns may be too thin to read on its own.",
    ],
    timeline: &[
        "Briefing meeting: {date}",
        "Creative development: {date} to {date2}",
        "Approval of scripts and layouts: {date}",
        "Launch: {date}",
        "Mid-campaign review: {date}",
        "Final report: {date}",
    ],
    mixed: &[],
    jargon_frames: &[
        "The previous agency's summary leaned on {j}, and we would rather show the numbers.",
        "In the briefing call the client used the phrase {j} to describe what success looks like.",
        "Internally, this workstream is still filed under {j}.",
        "The last status report promised {j} by the end of the quarter.",
        "Several slides in the pitch deck mentioned {j} without a figure attached.",
        "Our planners flagged {j} as the part of the plan that needs the clearest explanation.",
        "The sales team describes the offer as {j}, which customers rarely repeat back.",
        "The steering group minutes mention {j} twice, both times without an owner.",
    ],
    stage_kpis: [
        &["reach", "brand awareness", "share of voice", "ad recall"],
        &[
            "video views",
            "click-through rate",
            "time on site",
            "engagement rate",
            "site visits",
        ],
        &[
            "sales",
            "cost per acquisition",
            "return on ad spend",
            "leads",
            "conversion rate",
            "revenue",
        ],
        &[
            "retention rate",
            "repeat purchases",
            "churn",
            "customer lifetime value",
            "net promoter score",
        ],
    ],
    stage_objectives: [
        &[
            "Prompted brand awareness: from {pct} to {pct_up} by {date}",
            "Reach: {pct} of the target audience, at least three times",
            "Share of voice: {pct} in the category during the campaign",
            "Ad recall: {pct} in the post-campaign survey",
            "Regional TV: {n3} GRPs over six weeks",
        ],
        &[
            "Video views: {big}, with {pct} watched to the end",
            "CTR to the booking page: {dec}% on paid social",
            "Site visits: {big} between {date} and {date2}",
            "Time on site: 2 minutes on average on the campaign pages",
            "Engagement rate: {dec}% on Instagram",
        ],
        &[
            "Sales: {big} orders between {date} and {date2}",
            "CPA: no higher than {money_small}",
            "ROAS: at least {dec} on paid search",
            "Leads: {big} qualified requests through the website form",
            "Conversion rate on the landing page: {dec}%",
            "Revenue from new customers: {money}",
        ],
        &[
            "Retention of new members at six months: {pct}",
            "Churn: below {dec}% a month by {date}",
            "Repeat purchases: {pct} of customers buy again within 90 days",
            "NPS: {n2} in the spring survey",
            "Customer lifetime value: up {pct} on {year0}",
        ],
    ],
    stage_lines: [
        &[
            "Video and outdoor build reach quickly; we plan for a frequency of three over four weeks.",
            "Regional TV delivers {n3} GRPs and lifts brand awareness in the core towns.",
        ],
        &[
            "Retargeting brings back people who watched the film and sends them to the product pages.",
            "We optimise for video views and click-through rate, not for impressions.",
        ],
        &[
            "Search and retargeting carry most of the budget because they deliver sales at the lowest CPA.",
            "Bids are optimised for conversions, and revenue is checked every week.",
        ],
        &[
            "E-mails and app notifications go to existing customers only, a week before their renewal date.",
            "The loyalty programme should reduce churn and increase repeat purchases.",
        ],
    ],
    stage_metrics: [
        &[
            ("Reach", 'p'),
            ("CPM", 'c'),
            ("GRP", 'g'),
            ("Brand awareness", 'p'),
            ("Impressions", 'n'),
        ],
        &[
            ("CTR", 'd'),
            ("Video views", 'n'),
            ("CPV", 'v'),
            ("VTR", 'p'),
            ("Site visits", 'n'),
        ],
        &[
            ("CPA", 'm'),
            ("Sales", 'n'),
            ("ROAS", 'r'),
            ("Leads", 'n'),
            ("CPL", 'm'),
            ("Conversion rate", 'd'),
        ],
        &[
            ("Retention", 'p'),
            ("Repeat purchases", 'p'),
            ("Churn", 'x'),
            ("NPS", 's'),
            ("LTV", 'l'),
        ],
    ],
    channels: &[
        "YouTube pre-roll",
        "Instagram and Facebook",
        "TikTok",
        "Paid search",
        "Regional TV",
        "Local radio",
        "Outdoor (6-sheets)",
        "Programmatic display",
        "Podcasts",
        "Newsletter sponsorship",
        "Cinema",
        "Spotify audio",
    ],
    media_header: "| Channel | Dates | Budget | Metric | Target | Unit cost |",
    kpi_header: "| KPI | Baseline | Target |",
    flight_header: "| Week | Budget | Impressions | CPM |",
    week: "Week",
    route: "Route",
    link_texts: &[
        "last year's wrap-up report",
        "the customer research summary",
        "the wave 1 results",
    ],
    code_comment: "Conversion tag on the booking page",
};

const FR: Lang = Lang {
    code: "fr",
    jargon: include_str!("../dictionaries/jargon/fr.toml"),
    currency: Currency::Euro,
    thousands: " ",
    decimal: ",",
    percent: " %",
    million: " million",
    colon: " :",
    date_sep: "/",
    year_suffix: "",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    in_months: [
        "en janvier",
        "en février",
        "en mars",
        "en avril",
        "en mai",
        "en juin",
        "en juillet",
        "en août",
        "en septembre",
        "en octobre",
        "en novembre",
        "en décembre",
    ],
    clients: &[
        (
            "Les Trois Tonneaux",
            "troistonneaux",
            "des coffrets de vin par abonnement",
        ),
        (
            "Boulangerie Marceau",
            "marceau",
            "du pain frais et des plateaux-repas pour les bureaux",
        ),
        (
            "Vélos Garonne",
            "velosgaronne",
            "la location longue durée de vélos électriques",
        ),
        (
            "Optique Lumière",
            "optiquelumiere",
            "des examens de vue et des lentilles",
        ),
        (
            "Brasserie du Quai",
            "brasserieduquai",
            "une nouvelle gamme de bières sans alcool",
        ),
        (
            "Énergies du Sud",
            "energiesdusud",
            "l'installation de pompes à chaleur",
        ),
        (
            "Maison Ardent",
            "maisonardent",
            "des maisons neuves de trois chambres",
        ),
        (
            "Clinique dentaire Saint-Roch",
            "saintroch",
            "une formule de soins dentaires pour les familles",
        ),
        (
            "Bloc Session",
            "blocsession",
            "des abonnements d'escalade en salle",
        ),
        (
            "Thés de la Rade",
            "thesdelarade",
            "des abonnements de thé en vrac",
        ),
        (
            "Ferries de l'Ouest",
            "ferriesouest",
            "des abonnements de ferry pour le week-end",
        ),
        (
            "Assurances Vauban",
            "vauban",
            "l'assurance habitation pour locataires",
        ),
    ],
    audiences: &[
        "les actifs de 25 à 44 ans des grandes villes",
        "les jeunes familles locataires",
        "les couples retraités qui voyagent hors saison",
        "les primo-accédants",
        "les artisans et commerçants",
        "les étudiants de première année",
        "les clients qui n'ont pas commandé depuis six mois",
    ],
    cities: &[
        ("Lyon", "à Lyon"),
        ("Bordeaux", "à Bordeaux"),
        ("Nantes", "à Nantes"),
        ("Lille", "à Lille"),
        ("Toulouse", "à Toulouse"),
        ("Rennes", "à Rennes"),
        ("Marseille", "à Marseille"),
        ("Montpellier", "à Montpellier"),
        ("Strasbourg", "à Strasbourg"),
        ("Grenoble", "à Grenoble"),
    ],
    agencies: &[
        "Agence Pivot",
        "Studio Marée",
        "Studio Faiseur",
        "Agence Boussole",
        "Atelier Réclame",
        "Maison Sillage",
    ],
    people: &[
        "Claire Dumas, directrice marketing",
        "Julien Morel, chef de produit",
        "Sophie Lambert, responsable communication",
        "Bastien Laffite, responsable clients",
        "Nadia Benali, directrice commerciale",
        "Thomas Girard, responsable numérique",
    ],
    campaigns: &[
        "Relance de printemps",
        "La saison calme",
        "Rentrée 2026",
        "Nouveaux clients 2026",
        "Passez à l'électrique",
        "Portes ouvertes",
        "L'été sur la côte",
        "Parrainage",
    ],
    brief_titles: &[
        "Brief : {client} — {campaign}",
        "Brief de campagne : {campaign} ({client})",
        "{client} : brief « {campaign} »",
    ],
    proposal_titles: &[
        "Proposition : {campaign} pour {client}",
        "{client} — {campaign} : notre recommandation",
        "Recommandation média : {campaign} ({client})",
    ],
    v2: " (version révisée)",
    meta: ["**Annonceur :**", "**Contact :**", "**Date :**"],
    byline: "*Proposition de {agency}, {date}*",
    heads: Heads {
        background: &[
            "Contexte",
            "Situation",
            "Enjeux",
            "Notre compréhension du brief",
        ],
        objectives: &["Objectifs", "Objectifs de la campagne"],
        kpis: &["Indicateurs clés", "KPI", "Critères de succès"],
        audience: &["Cible", "Cœur de cible", "Public visé"],
        budget: &["Budget", "Budget média", "Enveloppe budgétaire"],
        timing: &["Calendrier", "Rétroplanning", "Dates clés"],
        measurement: &["Mesure", "Dispositif de mesure", "Suivi et mesure"],
        media: &["Plan média", "Canaux et budget"],
        approach: &["Notre approche", "Stratégie", "Idée créative"],
        markets: &["Détail par ville", "Déclinaisons locales"],
        flighting: &["Répartition par semaine", "Calendrier de diffusion"],
        notes: &["Compte rendu de la réunion de brief", "Retours du client"],
        tracking: &["Plan de marquage", "Suivi technique"],
        risks: &["Risques et hypothèses", "Questions ouvertes"],
        creative: &["Pistes créatives", "Plan de contenus"],
        competitors: &["Concurrence", "Analyse concurrentielle"],
    },
    background: &[
        "{client} vend {product} {in_city} depuis {year0}, surtout dans ses boutiques et sur son site.",
        "L'an dernier, le marché a progressé de {pct}, mais notre part de marché est passée de {pct} à {pct_down}.",
        "La plupart des clients nous découvrent par le bouche-à-oreille ou par la recherche en ligne ; la publicité payante s'est limitée à quelques vagues de radio locale.",
        "Un nouveau concurrent, {competitor}, a ouvert {n} points de vente dans la région et pratique des prix inférieurs d'environ {pct}.",
        "Notre site a reçu {big} visites au dernier trimestre, dont {pct} depuis un mobile.",
        "La direction attend des résultats avant la fin de l'exercice, qui se clôt {month}.",
        "Un premier test sur les réseaux sociaux {month} a montré que les vidéos courtes fonctionnaient mieux que les visuels fixes.",
        "L'étude clients de {year0} montre que le produit plaît, mais que le nom de la marque reste peu connu.",
        "Les prix ont augmenté de {pct} {month} ; il faut expliquer pourquoi l'offre reste intéressante.",
        "La demande est saisonnière et culmine en fin d'année.",
        "Environ {pct} des ventes de l'an dernier viennent de clients fidèles.",
    ],
    audience: &[
        "La cible principale : {audience}.",
        "Nous voulons aussi toucher {audience2}, qui comparent plusieurs offres avant d'acheter.",
        "Ils lisent les avis, demandent conseil à leurs proches et cliquent rarement sur les bannières.",
        "Environ {pct} des clients actuels habitent à moins de 20 minutes d'une boutique.",
        "Ils utilisent Instagram et YouTube tous les jours et écoutent la radio locale en voiture.",
        "La plupart décident en moins d'une semaine, souvent après une visite sur le site.",
    ],
    approach: &[
        "Nous proposons une seule idée sur tous les canaux : de vrais clients, un jour ordinaire, avec leurs propres mots.",
        "Les deux premières semaines construisent la couverture avec de la vidéo ; les suivantes reciblent les personnes qui ont vu au moins la moitié d'un film.",
        "Chaque film se termine par une offre simple et un lien vers la page de réservation.",
        "Le message reste court : un bénéfice, une preuve, une action.",
        "La recherche payante et les réseaux sociaux suivent le même calendrier pour que les messages se renforcent.",
        "Des partenaires locaux {in_city} afficheront nos visuels et distribueront des bons de réduction le premier mois.",
        "Chaque création est testée en deux versions ; la moins efficace est coupée au bout de dix jours.",
        "Nous recommandons moins de canaux, avec plus de pression sur chacun, plutôt qu'une présence diluée partout.",
        "Le canal {channel} porte le lancement, puis {channel} garde le message visible.",
    ],
    measurement: &[
        "Les ventes et les inscriptions sont suivies dans le CRM, avec la source de chaque commande.",
        "Nous comparons la période de campagne aux mêmes semaines de {year0}, qui servent de période de référence.",
        "Une zone témoin sans publicité payante permet de mesurer l'effet réel de la campagne.",
        "Tous les liens portent le paramètre {utm} pour suivre le trafic de chaque canal.",
        "Le rapport hebdomadaire est disponible sur {url}.",
        "Les résultats de la vague précédente sont résumés dans {link}.",
        "La notoriété est mesurée par deux enquêtes en ligne auprès de {big} personnes, avant et après la campagne.",
        "Les appels générés par la publicité passent par des numéros de suivi, pour compter aussi les ventes par téléphone.",
    ],
    budget: &[
        "Le budget total est de {money} HT, production et honoraires compris.",
        "Environ {pct} du budget va aux achats d'espace ; le reste couvre la production et les études.",
        "Nous attendons les réponses avant le {date} ; la campagne démarre le {date2}.",
        "Toute hausse de budget sera décidée après le premier bilan mensuel.",
        "La production doit être terminée deux semaines avant le lancement pour laisser le temps des validations.",
        "Nous recommandons d'ajouter {money} sur le canal {channel} le deuxième mois si les premiers résultats se confirment.",
    ],
    objective_prose: &[
        "Le principal critère de succès reste {kpi}.",
        "Chaque semaine, nous suivrons {kpi} et {kpi2}.",
        "Chaque chiffre a une valeur de référence de {year0} pour mesurer les progrès.",
        "S'il faut choisir, nous privilégierons {kpi}.",
    ],
    objectives_lead: "D'ici la fin de la campagne, nous visons :",
    vague: &[
        "Faire de {client} la première marque à laquelle on pense",
        "Améliorer l'image de la marque auprès des familles",
    ],
    quotes: &[
        "Nous voulons une campagne dont on se souvient après la première semaine, pas une promotion de plus.",
        "Gardez un ton simple et chaleureux : nos clients n'aiment pas qu'on leur force la main.",
        "La campagne de l'an dernier était belle, mais nous n'avons jamais su ce qu'elle avait vendu.",
        "Tout doit d'abord fonctionner sur un écran de téléphone.",
    ],
    risks: &[
        "Le niveau des stocks pourrait limiter la pression commerciale {month}.",
        "La validation juridique des créations peut prendre jusqu'à dix jours ouvrés.",
        "Les coûts des plateformes montent souvent au quatrième trimestre ; le CPM pourrait être {pct} plus élevé que prévu.",
        "Si la page d'atterrissage n'est pas prête le {date}, la recherche payante démarrera plus tard.",
        "L'échantillon de l'enquête dans les petites villes risque d'être trop faible pour être lu seul.",
    ],
    timeline: &[
        "Réunion de lancement : {date}",
        "Développement créatif : du {date} au {date2}",
        "Validation des scripts et maquettes : {date}",
        "Lancement : {date}",
        "Point à mi-parcours : {date}",
        "Bilan final : {date}",
    ],
    mixed: &[
        "Le brief parle de brand awareness, mais le vrai sujet est la notoriété auprès des 25-34 ans.",
        "Nous prévoyons une audience lookalike construite à partir des clients existants.",
        "La landing page sera refaite avant le lancement, avec un seul call-to-action.",
        "Le retargeting ne démarre qu'après les deux premières semaines.",
        "Le reporting hebdomadaire reprend les indicateurs du dashboard du client.",
        "Le media mix reste à valider avec l'équipe trading.",
    ],
    jargon_frames: &[
        "Le compte rendu de la dernière réunion parle de {j}, sans chiffre à l'appui.",
        "En interne, ce chantier est encore rangé sous l'étiquette {j}.",
        "Lors de l'appel de brief, le client a employé l'expression {j} pour décrire ce qu'il attend.",
        "La présentation de l'agence précédente insistait sur {j} ; nous préférons montrer les chiffres.",
        "Le dernier point d'avancement promettait {j} avant la fin du trimestre.",
        "Nos planneurs signalent {j} comme la partie du plan qui demande l'explication la plus claire.",
        "L'équipe commerciale résume l'offre par {j}, formule que les clients ne reprennent jamais.",
    ],
    stage_kpis: [
        &[
            "la notoriété",
            "la couverture",
            "la part de voix",
            "la mémorisation publicitaire",
        ],
        &[
            "les vues vidéo",
            "le taux de clic",
            "le temps passé sur le site",
            "le taux d'engagement",
            "les visites sur le site",
        ],
        &[
            "les ventes",
            "le coût par acquisition",
            "le chiffre d'affaires",
            "le taux de conversion",
            "le retour sur investissement",
            "les demandes de devis",
        ],
        &[
            "la fidélisation",
            "le taux de rétention",
            "le taux de résiliation",
            "le réachat",
            "le score de recommandation",
        ],
    ],
    stage_objectives: [
        &[
            "Notoriété assistée : de {pct} à {pct_up} d'ici le {date}",
            "Couverture : {pct} de la cible, avec une répétition moyenne de 3",
            "Part de voix : {pct} dans la catégorie pendant la campagne",
            "Mémorisation publicitaire : {pct} au post-test",
            "TV régionale : {n3} GRP sur six semaines",
        ],
        &[
            "Vues vidéo : {big}, dont {pct} jusqu'au bout",
            "Taux de clic vers la page de réservation : {dec} % sur les réseaux sociaux",
            "Visites sur le site : {big} entre le {date} et le {date2}",
            "Temps passé sur le site : 2 minutes en moyenne sur les pages de campagne",
            "Taux d'engagement : {dec} % sur Instagram",
        ],
        &[
            "Ventes : {big} commandes entre le {date} et le {date2}",
            "Coût par acquisition (CPA) : {money_small} au plus",
            "ROAS : au moins {dec} sur la recherche payante",
            "Demandes de devis : {big} via le formulaire du site",
            "Taux de conversion de la page d'atterrissage : {dec} %",
            "Chiffre d'affaires des nouveaux clients : {money}",
        ],
        &[
            "Taux de rétention à six mois : {pct}",
            "Taux de résiliation mensuel : moins de {dec} % d'ici le {date}",
            "Réachat : {pct} des clients rachètent sous 90 jours",
            "Score de recommandation (NPS) : {n2} à l'enquête de printemps",
            "Valeur vie client : +{pct} par rapport à {year0}",
        ],
    ],
    stage_lines: [
        &[
            "La vidéo et l'affichage construisent vite la couverture ; nous visons une répétition de 3 sur quatre semaines.",
            "La TV régionale apporte {n3} GRP et fait progresser la notoriété dans les villes clés.",
        ],
        &[
            "Le reciblage ramène vers les pages produit les personnes qui ont vu le film.",
            "Nous optimisons la campagne sur les vues et le taux de clic, pas sur les impressions.",
        ],
        &[
            "La recherche payante et le reciblage portent l'essentiel du budget, car ils génèrent des ventes au CPA le plus bas.",
            "Les enchères sont optimisées sur la conversion, et le chiffre d'affaires est suivi chaque semaine.",
        ],
        &[
            "Les e-mails et les notifications ne visent que les clients actuels, une semaine avant leur renouvellement.",
            "Le programme de fidélité doit réduire les résiliations et augmenter le réachat.",
        ],
    ],
    stage_metrics: [
        &[
            ("Couverture", 'p'),
            ("CPM", 'c'),
            ("GRP", 'g'),
            ("Notoriété assistée", 'p'),
            ("Impressions publicitaires", 'n'),
        ],
        &[
            ("Taux de clic", 'd'),
            ("Vues vidéo", 'n'),
            ("CPV", 'v'),
            ("Taux de complétion", 'p'),
            ("Visites sur le site", 'n'),
        ],
        &[
            ("CPA", 'm'),
            ("Ventes", 'n'),
            ("ROAS", 'r'),
            ("Demandes de devis", 'n'),
            ("CPL", 'm'),
            ("Taux de conversion", 'd'),
        ],
        &[
            ("Taux de rétention", 'p'),
            ("Réachat", 'p'),
            ("Taux de résiliation", 'x'),
            ("NPS", 's'),
            ("Valeur vie client", 'l'),
        ],
    ],
    channels: &[
        "YouTube (pré-roll)",
        "Instagram et Facebook",
        "TikTok",
        "Référencement payant",
        "TV régionale",
        "Radio locale",
        "Affichage urbain",
        "Display programmatique",
        "Podcasts",
        "Presse quotidienne régionale",
        "Cinéma",
        "Spotify",
    ],
    media_header: "| Canal | Dates | Budget | Indicateur | Objectif | Coût unitaire |",
    kpi_header: "| Indicateur | Référence | Objectif |",
    flight_header: "| Semaine | Budget | Impressions | CPM |",
    week: "Semaine",
    route: "Piste",
    link_texts: &[
        "le bilan de l'an dernier",
        "la synthèse de l'étude clients",
        "les résultats de la vague 1",
    ],
    code_comment: "Balise de conversion de la page de réservation",
};

const RU: Lang = Lang {
    code: "ru",
    jargon: include_str!("../dictionaries/jargon/ru.toml"),
    currency: Currency::Rouble,
    thousands: " ",
    decimal: ",",
    percent: " %",
    million: " млн",
    colon: ":",
    date_sep: ".",
    year_suffix: " года",
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    in_months: [
        "в январе",
        "в феврале",
        "в марте",
        "в апреле",
        "в мае",
        "в июне",
        "в июле",
        "в августе",
        "в сентябре",
        "в октябре",
        "в ноябре",
        "в декабре",
    ],
    clients: &[
        ("«Волга-Моторс»", "volga-motors", "электромобили и гибриды"),
        ("«Колос»", "kolos", "свежий хлеб и обеды для офисов"),
        (
            "«Северный ветер»",
            "severny-veter",
            "одежду для активного отдыха",
        ),
        ("«Ладога»", "ladoga", "бытовую технику"),
        (
            "«Пятый элемент Фитнес»",
            "5fitness",
            "абонементы в фитнес-клубы",
        ),
        ("«Медведь Страхование»", "medved", "страхование квартир"),
        ("«Тёплый дом»", "teply-dom", "тепловые насосы"),
        ("«Азимут Тур»", "azimut", "туры выходного дня"),
        (
            "«Зелёная аптека»",
            "zelapteka",
            "витамины и товары для здоровья",
        ),
        ("«Оптика Взгляд»", "vzglyad", "очки и контактные линзы"),
        ("«Чайная лавка»", "chaynaya-lavka", "наборы чая по подписке"),
        (
            "«Сибирь Телеком»",
            "sibtelecom",
            "домашний интернет на 500 Мбит/с",
        ),
    ],
    audiences: &[
        "работающие горожане 25–44 лет",
        "молодые семьи, которые снимают жильё",
        "пенсионеры, которые путешествуют вне сезона",
        "покупатели первого жилья",
        "владельцы малого бизнеса",
        "студенты первого курса",
        "клиенты, которые не делали заказов полгода",
    ],
    cities: &[
        ("Самара", "в Самаре"),
        ("Казань", "в Казани"),
        ("Екатеринбург", "в Екатеринбурге"),
        ("Новосибирск", "в Новосибирске"),
        ("Нижний Новгород", "в Нижнем Новгороде"),
        ("Пермь", "в Перми"),
        ("Воронеж", "в Воронеже"),
        ("Томск", "в Томске"),
        ("Краснодар", "в Краснодаре"),
        ("Ярославль", "в Ярославле"),
    ],
    agencies: &[
        "агентство «Маяк»",
        "агентство «Компас»",
        "студия «Полдень»",
        "агентство «Сигнал»",
        "студия «Перекрёсток»",
        "агентство «Север»",
    ],
    people: &[
        "Анна Смирнова, директор по маркетингу",
        "Игорь Петров, бренд-менеджер",
        "Ольга Кузнецова, руководитель отдела рекламы",
        "Дмитрий Орлов, коммерческий директор",
        "Мария Власова, менеджер по интернет-маркетингу",
        "Сергей Волков, руководитель интернет-магазина",
    ],
    campaigns: &[
        "Весенний перезапуск",
        "Тихий сезон",
        "Снова в школу",
        "Новые клиенты 2026",
        "Зимний переход",
        "Дни открытых дверей",
        "Лето на Волге",
        "Приведи друга",
    ],
    brief_titles: &[
        "Бриф: {client} — «{campaign}»",
        "Бриф на кампанию «{campaign}» ({client})",
        "{client}: бриф на рекламную кампанию «{campaign}»",
    ],
    proposal_titles: &[
        "Предложение по кампании «{campaign}» ({client})",
        "Медиаплан и стратегия: «{campaign}» ({client})",
        "{client} — «{campaign}»: наши рекомендации",
    ],
    v2: " (вторая версия)",
    meta: ["**Клиент:**", "**Контакт:**", "**Дата:**"],
    byline: "*Предложение подготовило {agency}, {date}*",
    heads: Heads {
        background: &["Контекст", "Ситуация", "О бренде", "Наше понимание задачи"],
        objectives: &["Цели", "Задачи кампании", "Цели кампании"],
        kpis: &["KPI", "Ключевые показатели", "Показатели эффективности"],
        audience: &["Аудитория", "Целевая аудитория"],
        budget: &["Бюджет", "Медиабюджет"],
        timing: &["Сроки", "График", "Ключевые даты"],
        measurement: &["Оценка эффективности", "Как будем измерять", "Аналитика"],
        media: &["Медиаплан", "Каналы и бюджет"],
        approach: &["Наш подход", "Стратегия", "Креативная идея"],
        markets: &["Города", "Детализация по регионам"],
        flighting: &["График размещения по неделям", "Понедельный план"],
        notes: &["Заметки со встречи по брифу", "Комментарии клиента"],
        tracking: &["Настройка трекинга", "Разметка ссылок"],
        risks: &["Риски и допущения", "Открытые вопросы"],
        creative: &["Креативные направления", "Контент-план"],
        competitors: &["Конкуренты", "Анализ конкурентов"],
    },
    background: &[
        "{client} продаёт {product} {in_city} с {year0} года, в основном через собственные магазины и сайт.",
        "В прошлом году рынок вырос на {pct}, но наша доля снизилась с {pct} до {pct_down}.",
        "Большинство клиентов узнают о нас от знакомых или через поиск; платная реклама ограничивалась несколькими волнами на местном радио.",
        "Новый конкурент, {competitor}, открыл в регионе {n} точек и продаёт дешевле примерно на {pct}.",
        "За прошлый квартал сайт посетили {big} человек, из них {pct} — с мобильных устройств.",
        "Руководство ждёт результатов до конца финансового года, который заканчивается {month}.",
        "Небольшой тест в соцсетях {month} показал, что короткие видео работают лучше статичных баннеров.",
        "Исследование {year0} года показало: продукт нравится, но название марки помнят немногие.",
        "Цены выросли на {pct} {month}, и нам нужно объяснить, почему предложение по-прежнему выгодно.",
        "Спрос сезонный, пик приходится на конец года.",
        "Около {pct} продаж прошлого года пришлось на постоянных клиентов.",
    ],
    audience: &[
        "Основная аудитория — {audience}.",
        "Вторая группа — {audience2}: они сравнивают несколько предложений перед покупкой.",
        "Они читают отзывы, советуются со знакомыми и редко кликают на баннеры.",
        "Около {pct} нынешних клиентов живут в 20 минутах от магазина.",
        "Каждый день они пользуются ВКонтакте и Telegram, а в машине слушают местное радио.",
        "Большинство принимает решение за неделю, обычно после визита на сайт.",
    ],
    approach: &[
        "Мы предлагаем одну идею для всех каналов: реальные покупатели в обычный день, своими словами.",
        "Первые две недели набираем охват видеорекламой, затем догоняем тех, кто досмотрел ролик хотя бы до середины.",
        "Каждый ролик заканчивается простым предложением и ссылкой на страницу записи.",
        "Сообщение короткое: одна выгода, одно доказательство, одно действие.",
        "Поисковая реклама и соцсети работают по одному календарю, чтобы сообщения усиливали друг друга.",
        "Местные партнёры {in_city} разместят плакаты и будут раздавать купоны в первый месяц.",
        "Каждый креатив тестируем в двух вариантах и через десять дней отключаем более слабый.",
        "Мы рекомендуем меньше каналов, но с большим весом, а не тонкое присутствие везде.",
        "Запуск берёт на себя канал «{channel}», а канал «{channel}» поддерживает сообщение дальше.",
    ],
    measurement: &[
        "Продажи и регистрации фиксируются в CRM с указанием источника каждого заказа.",
        "Базовый период — те же недели {year0} года.",
        "Контрольный регион без платной рекламы покажет чистый эффект кампании.",
        "Все ссылки размечены меткой {utm}, чтобы видеть трафик по каждому каналу.",
        "Еженедельный отчёт будет лежать по адресу {url}.",
        "Итоги прошлой волны собраны в документе {link}.",
        "Знание марки измеряем двумя онлайн-опросами по {big} респондентов — до и после кампании.",
        "Звонки с рекламы идут через подменные номера, поэтому продажи по телефону тоже учитываются.",
    ],
    budget: &[
        "Общий бюджет — {money}, включая производство и вознаграждение агентства.",
        "Около {pct} бюджета уходит на размещение, остальное — на производство и исследования.",
        "Ждём ответы до {date}, запуск кампании — {date2}.",
        "Решение об увеличении бюджета примем после первого ежемесячного отчёта.",
        "Производство должно закончиться за две недели до запуска, чтобы успеть всё согласовать.",
        "Рекомендуем добавить {money} на канал «{channel}» во второй месяц, если первые результаты подтвердятся.",
    ],
    objective_prose: &[
        "Главный показатель успеха — {kpi}.",
        "Каждую неделю отчитываемся по двум показателям: {kpi} и {kpi2}.",
        "Для каждой цифры есть базовое значение за {year0} год, чтобы видеть прогресс.",
        "Если придётся выбирать, важнее всего {kpi}.",
    ],
    objectives_lead: "К концу кампании мы хотим получить:",
    vague: &[
        "Сделать {client} первым брендом, который вспоминают в категории",
        "Улучшить отношение к марке среди молодых семей",
    ],
    quotes: &[
        "Нам нужна кампания, которую запомнят после первой недели, а не очередная скидка.",
        "Пишите просто и по-человечески: наши клиенты не любят, когда на них давят.",
        "Прошлогодняя кампания была красивой, но мы так и не поняли, что она продала.",
        "Всё должно в первую очередь работать на экране телефона.",
    ],
    risks: &[
        "Остатки на складе могут ограничить активность {month}.",
        "Юридическое согласование креативов занимает до десяти рабочих дней.",
        "В четвёртом квартале площадки обычно дорожают: CPM может оказаться на {pct} выше плана.",
        "Если посадочная страница не будет готова к {date}, поисковая реклама стартует позже.",
        "Выборка опроса в небольших городах может оказаться слишком маленькой для отдельных выводов.",
    ],
    timeline: &[
        "Установочная встреча: {date}",
        "Разработка креатива: с {date} по {date2}",
        "Согласование сценариев и макетов: {date}",
        "Запуск: {date}",
        "Промежуточный отчёт: {date}",
        "Финальный отчёт: {date}",
    ],
    mixed: &[
        "В брифе написано brand awareness, но на деле речь о знании марки среди 25–34-летних.",
        "Lookalike-аудитории строим на базе текущих клиентов.",
        "Landing page обновим до запуска и оставим на ней один call-to-action.",
        "Retargeting включаем только после первых двух недель.",
        "Weekly report повторяет показатели из dashboard клиента.",
        "Media mix ещё нужно согласовать с командой баинга.",
    ],
    jargon_frames: &[
        "В протоколе прошлой встречи упоминается {j}, но без цифр.",
        "Внутри компании эта задача до сих пор называется {j}.",
        "На созвоне по брифу клиент описал ожидания словами {j}.",
        "В презентации прошлого агентства много говорилось про {j}; мы предпочитаем показывать цифры.",
        "В последнем статусе обещали {j} до конца квартала.",
        "Наши планировщики отметили {j} как место в плане, которое нужно объяснить яснее всего.",
        "Отдел продаж описывает предложение словами {j}, но клиенты так не говорят.",
    ],
    stage_kpis: [
        &[
            "охват",
            "знание марки",
            "доля голоса",
            "запоминаемость рекламы",
        ],
        &[
            "просмотры видео",
            "CTR",
            "время на сайте",
            "вовлеченность",
            "посещаемость сайта",
        ],
        &[
            "продажи",
            "стоимость привлечения клиента",
            "выручка",
            "конверсия",
            "ROI",
            "заявки",
        ],
        &[
            "удержание",
            "отток",
            "повторные покупки",
            "индекс лояльности",
            "ценность клиента",
        ],
    ],
    stage_objectives: [
        &[
            "Знание марки (подсказанное): с {pct} до {pct_up} к {date}",
            "Охват: {pct} целевой аудитории с частотой не меньше 3",
            "Доля голоса: {pct} в категории на период кампании",
            "Запоминаемость рекламы: {pct} по итогам опроса",
            "Региональное ТВ: {n3} GRP за шесть недель",
        ],
        &[
            "Просмотры видео: {big}, из них {pct} до конца",
            "CTR объявлений в соцсетях: {dec} %",
            "Посещаемость сайта: {big} визитов с {date} по {date2}",
            "Время на сайте: в среднем 2 минуты на страницах кампании",
            "Вовлеченность во ВКонтакте: {dec} %",
        ],
        &[
            "Продажи: {big} заказов с {date} по {date2}",
            "Стоимость привлечения клиента (CPA): не выше {money_small}",
            "ROAS в поисковой рекламе: не ниже {dec}",
            "Заявки: {big} через форму на сайте",
            "Конверсия посадочной страницы: {dec} %",
            "Выручка от новых клиентов: {money}",
        ],
        &[
            "Удержание новых клиентов через полгода: {pct}",
            "Отток: не выше {dec} % в месяц к {date}",
            "Повторные покупки: {pct} клиентов покупают снова в течение 90 дней",
            "Индекс лояльности (NPS): {n2} по весеннему опросу",
            "Ценность клиента: на {pct} выше, чем в {year0} году",
        ],
    ],
    stage_lines: [
        &[
            "Видео и наружная реклама быстро набирают охват; планируем частоту 3 за четыре недели.",
            "Региональное ТВ даёт {n3} GRP и поднимает знание марки в городах присутствия.",
        ],
        &[
            "Ретаргетинг возвращает тех, кто смотрел ролик, и ведёт их на страницы продукта.",
            "Оптимизируем кампанию на просмотры и CTR, а не на показы.",
        ],
        &[
            "Поиск и ретаргетинг получают большую часть бюджета, потому что дают продажи с самым низким CPA.",
            "Оптимизируем ставки на конверсию и каждую неделю следим за ROI.",
        ],
        &[
            "Письма и push-уведомления получают только текущие клиенты, за неделю до продления.",
            "Программа лояльности должна снизить отток и увеличить повторные покупки.",
        ],
    ],
    stage_metrics: [
        &[
            ("Охват", 'p'),
            ("CPM", 'c'),
            ("GRP", 'g'),
            ("Знание марки", 'p'),
            ("Показы", 'n'),
        ],
        &[
            ("CTR", 'd'),
            ("Просмотры видео", 'n'),
            ("CPV", 'v'),
            ("Досмотры", 'p'),
            ("Посещаемость сайта", 'n'),
        ],
        &[
            ("CPA", 'm'),
            ("Продажи", 'n'),
            ("ROAS", 'r'),
            ("Заявки", 'n'),
            ("CPL", 'm'),
            ("Конверсия", 'd'),
        ],
        &[
            ("Удержание", 'p'),
            ("Повторные покупки", 'p'),
            ("Отток", 'x'),
            ("NPS", 's'),
            ("LTV", 'l'),
        ],
    ],
    channels: &[
        "YouTube",
        "ВКонтакте",
        "Telegram-каналы",
        "Поисковая реклама",
        "Региональное ТВ",
        "Радио",
        "Наружная реклама",
        "Программатик",
        "Подкасты",
        "Яндекс Директ",
        "Кинотеатры",
        "Маркетплейсы",
    ],
    media_header: "| Канал | Даты | Бюджет | Показатель | Цель | Цена за единицу |",
    kpi_header: "| Показатель | Базовое значение | Цель |",
    flight_header: "| Неделя | Бюджет | Показы | CPM |",
    week: "Неделя",
    route: "Направление",
    link_texts: &[
        "«Итоги прошлого года»",
        "«Сводка исследования покупателей»",
        "«Результаты первой волны»",
    ],
    code_comment: "Тег конверсии на странице записи",
};

const UK: Lang = Lang {
    code: "uk",
    jargon: include_str!("../dictionaries/jargon/uk.toml"),
    currency: Currency::Hryvnia,
    thousands: " ",
    decimal: ",",
    percent: " %",
    million: " млн",
    colon: ":",
    date_sep: ".",
    year_suffix: " року",
    months: [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    in_months: [
        "у січні",
        "у лютому",
        "у березні",
        "у квітні",
        "у травні",
        "у червні",
        "у липні",
        "у серпні",
        "у вересні",
        "у жовтні",
        "у листопаді",
        "у грудні",
    ],
    clients: &[
        ("«Пульс»", "puls", "абонементи до фітнес-клубів"),
        ("«Сова»", "sova", "дитячі книжки та настільні ігри"),
        ("«Колосок»", "kolosok", "свіжий хліб і обіди для офісів"),
        ("«Карпати Тур»", "karpaty-tour", "тури вихідного дня"),
        (
            "«Зелена аптека»",
            "zelena-apteka",
            "вітаміни й товари для здоров'я",
        ),
        ("«Оптика Погляд»", "pohliad", "окуляри й контактні лінзи"),
        ("«Чайна крамниця»", "chaina", "набори чаю за передплатою"),
        ("«Теплий дім»", "teplyi-dim", "теплові насоси"),
        (
            "«Дніпро Моторс»",
            "dnipro-motors",
            "електромобілі та гібриди",
        ),
        ("«Львівська кава»", "lvivska-kava", "каву в зернах"),
        (
            "«Кордон Телеком»",
            "kordon",
            "домашній інтернет на 500 Мбіт/с",
        ),
        ("«Вітрило Страхування»", "vitrylo", "страхування квартир"),
    ],
    audiences: &[
        "працюючі містяни віком 25–44 роки",
        "молоді сім'ї, які орендують житло",
        "пенсіонери, які подорожують поза сезоном",
        "покупці першого житла",
        "власники малого бізнесу",
        "студенти першого курсу",
        "клієнти, які не робили замовлень пів року",
    ],
    cities: &[
        ("Львів", "у Львові"),
        ("Дніпро", "у Дніпрі"),
        ("Одеса", "в Одесі"),
        ("Харків", "у Харкові"),
        ("Запоріжжя", "у Запоріжжі"),
        ("Вінниця", "у Вінниці"),
        ("Івано-Франківськ", "в Івано-Франківську"),
        ("Полтава", "у Полтаві"),
        ("Чернівці", "у Чернівцях"),
        ("Київ", "у Києві"),
    ],
    agencies: &[
        "агенція «Дзиґа»",
        "агенція «Компас»",
        "студія «Полудень»",
        "агенція «Маяк»",
        "студія «Обрій»",
        "агенція «Сигнал»",
    ],
    people: &[
        "Оксана Коваль, директорка з маркетингу",
        "Андрій Мельник, бренд-менеджер",
        "Ірина Бондар, керівниця відділу реклами",
        "Тарас Шевчук, комерційний директор",
        "Наталія Ткаченко, менеджерка з інтернет-маркетингу",
        "Богдан Кравець, керівник інтернет-магазину",
    ],
    campaigns: &[
        "Весняний перезапуск",
        "Тихий сезон",
        "Знову до школи",
        "Нові клієнти 2026",
        "Зимовий перехід",
        "Дні відкритих дверей",
        "Літо в Карпатах",
        "Приведи друга",
    ],
    brief_titles: &[
        "Бриф: {client} — «{campaign}»",
        "Бриф на кампанію «{campaign}» ({client})",
        "{client}: бриф на рекламну кампанію «{campaign}»",
    ],
    proposal_titles: &[
        "Пропозиція щодо кампанії «{campaign}» ({client})",
        "Медіаплан і стратегія: «{campaign}» ({client})",
        "{client} — «{campaign}»: наші рекомендації",
    ],
    v2: " (друга версія)",
    meta: ["**Клієнт:**", "**Контакт:**", "**Дата:**"],
    byline: "*Пропозицію підготувала {agency}, {date}*",
    heads: Heads {
        background: &[
            "Контекст",
            "Ситуація",
            "Про бренд",
            "Наше розуміння завдання",
        ],
        objectives: &["Цілі", "Завдання кампанії", "Мета"],
        kpis: &["KPI", "Ключові показники", "Показники ефективності"],
        audience: &["Аудиторія", "Цільова аудиторія"],
        budget: &["Бюджет", "Медіабюджет"],
        timing: &["Терміни", "Графік", "Ключові дати"],
        measurement: &["Вимірювання", "Оцінка ефективності", "Як вимірюємо"],
        media: &["Медіаплан", "Канали та бюджет"],
        approach: &["Наш підхід", "Стратегія", "Креативна ідея"],
        markets: &["Міста", "Деталізація за регіонами"],
        flighting: &["Графік розміщення за тижнями", "Потижневий план"],
        notes: &["Нотатки із зустрічі щодо брифу", "Коментарі клієнта"],
        tracking: &["Налаштування трекінгу", "Розмітка посилань"],
        risks: &["Ризики та припущення", "Відкриті питання"],
        creative: &["Креативні напрями", "Контент-план"],
        competitors: &["Конкуренти", "Аналіз конкурентів"],
    },
    background: &[
        "{client} продає {product} {in_city} з {year0} року, переважно через власні магазини й сайт.",
        "Торік ринок зріс на {pct}, але наша частка знизилася з {pct} до {pct_down}.",
        "Більшість клієнтів дізнаються про нас від знайомих або через пошук; платна реклама обмежувалася кількома хвилями на місцевому радіо.",
        "Новий конкурент, {competitor}, відкрив у регіоні {n} точок і продає дешевше приблизно на {pct}.",
        "За минулий квартал сайт відвідали {big} людей, з них {pct} — з мобільних пристроїв.",
        "Керівництво чекає результатів до кінця фінансового року, який закінчується {month}.",
        "Невеликий тест у соцмережах {month} показав, що короткі відео працюють краще за статичні банери.",
        "Дослідження {year0} року показало: продукт подобається, але назву марки пам'ятають небагато людей.",
        "Ціни зросли на {pct} {month}, і нам треба пояснити, чому пропозиція досі вигідна.",
        "Попит сезонний, пік припадає на кінець року.",
        "Близько {pct} торішніх продажів припало на постійних клієнтів.",
    ],
    audience: &[
        "Основна аудиторія — {audience}.",
        "Друга група — {audience2}: вони порівнюють кілька пропозицій перед покупкою.",
        "Вони читають відгуки, радяться зі знайомими й рідко клікають на банери.",
        "Близько {pct} нинішніх клієнтів живуть за 20 хвилин від магазину.",
        "Щодня вони користуються Instagram і Telegram, а в машині слухають місцеве радіо.",
        "Більшість ухвалює рішення за тиждень, зазвичай після візиту на сайт.",
    ],
    approach: &[
        "Ми пропонуємо одну ідею для всіх каналів: справжні покупці у звичайний день, своїми словами.",
        "Перші два тижні набираємо охоплення відеорекламою, потім повертаємо тих, хто переглянув ролик хоча б до середини.",
        "Кожен ролик закінчується простою пропозицією та посиланням на сторінку запису.",
        "Повідомлення коротке: одна вигода, один доказ, одна дія.",
        "Пошукова реклама й соцмережі працюють за одним календарем, щоб повідомлення підсилювали одне одного.",
        "Місцеві партнери {in_city} розмістять плакати й роздаватимуть купони першого місяця.",
        "Кожен креатив тестуємо у двох варіантах і через десять днів вимикаємо слабший.",
        "Ми радимо менше каналів, але з більшою вагою, а не тонку присутність усюди.",
        "Запуск бере на себе канал «{channel}», а канал «{channel}» підтримує повідомлення далі.",
    ],
    measurement: &[
        "Продажі й реєстрації фіксуємо в CRM із зазначенням джерела кожного замовлення.",
        "Базовий період — ті самі тижні {year0} року.",
        "Контрольний регіон без платної реклами покаже чистий ефект кампанії.",
        "Усі посилання мають мітку {utm}, щоб бачити трафік за кожним каналом.",
        "Щотижневий звіт буде за адресою {url}.",
        "Підсумки попередньої хвилі зібрано в документі {link}.",
        "Впізнаваність марки вимірюємо двома онлайн-опитуваннями по {big} респондентів — до і після кампанії.",
        "Дзвінки з реклами йдуть через підмінні номери, тож продажі телефоном теж враховуємо.",
    ],
    budget: &[
        "Загальний бюджет — {money}, разом із виробництвом і винагородою агенції.",
        "Близько {pct} бюджету йде на розміщення, решта — на виробництво й дослідження.",
        "Чекаємо відповіді до {date}, запуск кампанії — {date2}.",
        "Рішення про збільшення бюджету ухвалимо після першого щомісячного звіту.",
        "Виробництво має завершитися за два тижні до запуску, щоб встигнути все погодити.",
        "Радимо додати {money} на канал «{channel}» у другому місяці, якщо перші результати підтвердяться.",
    ],
    objective_prose: &[
        "Головний показник успіху — {kpi}.",
        "Щотижня звітуємо за двома показниками: {kpi} і {kpi2}.",
        "Для кожної цифри є базове значення за {year0} рік, щоб бачити прогрес.",
        "Якщо доведеться обирати, найважливіше — {kpi}.",
    ],
    objectives_lead: "До кінця кампанії ми хочемо отримати:",
    vague: &[
        "Зробити {client} першим брендом, який згадують у категорії",
        "Покращити ставлення до марки серед молодих сімей",
    ],
    quotes: &[
        "Нам потрібна кампанія, яку запам'ятають після першого тижня, а не чергова знижка.",
        "Пишіть просто й по-людськи: наші клієнти не люблять, коли на них тиснуть.",
        "Торішня кампанія була гарною, але ми так і не зрозуміли, що вона продала.",
        "Усе має насамперед працювати на екрані телефона.",
    ],
    risks: &[
        "Залишки на складі можуть обмежити активність {month}.",
        "Юридичне погодження креативів триває до десяти робочих днів.",
        "У четвертому кварталі майданчики зазвичай дорожчають: CPM може бути на {pct} вищим за план.",
        "Якщо посадкова сторінка не буде готова до {date}, пошукова реклама стартує пізніше.",
        "Вибірка опитування в невеликих містах може бути замалою для окремих висновків.",
    ],
    timeline: &[
        "Установча зустріч: {date}",
        "Розробка креативу: з {date} по {date2}",
        "Погодження сценаріїв і макетів: {date}",
        "Запуск: {date}",
        "Проміжний звіт: {date}",
        "Фінальний звіт: {date}",
    ],
    mixed: &[
        "У брифі написано brand awareness, але насправді йдеться про впізнаваність марки серед 25–34-річних.",
        "Lookalike-аудиторії будуємо на основі наявних клієнтів.",
        "Landing page оновимо до запуску й залишимо на ній один call-to-action.",
        "Retargeting вмикаємо лише після перших двох тижнів.",
        "Weekly report повторює показники з dashboard клієнта.",
        "Media mix ще треба погодити з командою баїнгу.",
    ],
    jargon_frames: &[
        "У протоколі минулої зустрічі згадано {j}, але без цифр.",
        "Усередині компанії це завдання досі називають {j}.",
        "На дзвінку щодо брифу клієнт описав очікування словами {j}.",
        "У презентації попередньої агенції багато йшлося про {j}; ми воліємо показувати цифри.",
        "В останньому статусі обіцяли {j} до кінця кварталу.",
        "Наші планувальники позначили {j} як місце в плані, яке треба пояснити найчіткіше.",
        "Відділ продажів описує пропозицію словами {j}, але клієнти так не кажуть.",
    ],
    stage_kpis: [
        &[
            "охоплення",
            "впізнаваність марки",
            "частка голосу",
            "запам'ятовуваність реклами",
        ],
        &[
            "перегляди відео",
            "CTR",
            "час на сайті",
            "залученість",
            "відвідуваність сайту",
        ],
        &[
            "продажі",
            "вартість залучення клієнта",
            "виторг",
            "конверсія",
            "ROI",
            "заявки",
        ],
        &[
            "утримання",
            "відтік",
            "повторні покупки",
            "індекс лояльності",
            "цінність клієнта",
        ],
    ],
    stage_objectives: [
        &[
            "Впізнаваність марки: з {pct} до {pct_up} до {date}",
            "Охоплення: {pct} цільової аудиторії з частотою щонайменше 3",
            "Частка голосу: {pct} у категорії на час кампанії",
            "Запам'ятовуваність реклами: {pct} за підсумками опитування",
            "Регіональне ТБ: {n3} GRP за шість тижнів",
        ],
        &[
            "Перегляди відео: {big}, з них {pct} до кінця",
            "CTR оголошень у соцмережах: {dec} %",
            "Відвідуваність сайту: {big} візитів з {date} по {date2}",
            "Час на сайті: у середньому 2 хвилини на сторінках кампанії",
            "Залученість в Instagram: {dec} %",
        ],
        &[
            "Продажі: {big} замовлень з {date} по {date2}",
            "Вартість залучення клієнта (CPA): не більше {money_small}",
            "ROAS у пошуковій рекламі: не менше {dec}",
            "Заявки: {big} через форму на сайті",
            "Конверсія посадкової сторінки: {dec} %",
            "Виторг від нових клієнтів: {money}",
        ],
        &[
            "Утримання нових клієнтів через пів року: {pct}",
            "Відтік: не більше {dec} % на місяць до {date}",
            "Повторні покупки: {pct} клієнтів купують знову протягом 90 днів",
            "Індекс лояльності (NPS): {n2} за весняним опитуванням",
            "Цінність клієнта: на {pct} вища, ніж у {year0} році",
        ],
    ],
    stage_lines: [
        &[
            "Відео й зовнішня реклама швидко набирають охоплення; плануємо частоту 3 за чотири тижні.",
            "Регіональне ТБ дає {n3} GRP і підіймає впізнаваність марки в містах присутності.",
        ],
        &[
            "Ретаргетинг повертає тих, хто дивився ролик, і веде їх на сторінки продукту.",
            "Оптимізуємо кампанію на перегляди та CTR, а не на покази.",
        ],
        &[
            "Пошук і ретаргетинг отримують більшу частину бюджету, бо дають продажі з найнижчим CPA.",
            "Оптимізуємо ставки на конверсію й щотижня стежимо за ROI.",
        ],
        &[
            "Листи й push-сповіщення отримують лише наявні клієнти, за тиждень до продовження.",
            "Програма лояльності має зменшити відтік і збільшити повторні покупки.",
        ],
    ],
    stage_metrics: [
        &[
            ("Охоплення", 'p'),
            ("CPM", 'c'),
            ("GRP", 'g'),
            ("Впізнаваність марки", 'p'),
            ("Покази", 'n'),
        ],
        &[
            ("CTR", 'd'),
            ("Перегляди відео", 'n'),
            ("CPV", 'v'),
            ("Доперегляди", 'p'),
            ("Відвідуваність сайту", 'n'),
        ],
        &[
            ("CPA", 'm'),
            ("Продажі", 'n'),
            ("ROAS", 'r'),
            ("Заявки", 'n'),
            ("CPL", 'm'),
            ("Конверсія", 'd'),
        ],
        &[
            ("Утримання", 'p'),
            ("Повторні покупки", 'p'),
            ("Відтік", 'x'),
            ("NPS", 's'),
            ("LTV", 'l'),
        ],
    ],
    channels: &[
        "YouTube",
        "Instagram і Facebook",
        "TikTok",
        "Пошукова реклама",
        "Регіональне ТБ",
        "Радіо",
        "Зовнішня реклама",
        "Програматик",
        "Подкасти",
        "Telegram-канали",
        "Кінотеатри",
        "Rozetka",
    ],
    media_header: "| Канал | Дати | Бюджет | Показник | Ціль | Ціна за одиницю |",
    kpi_header: "| Показник | Базове значення | Ціль |",
    flight_header: "| Тиждень | Бюджет | Покази | CPM |",
    week: "Тиждень",
    route: "Напрям",
    link_texts: &[
        "«Підсумки минулого року»",
        "«Зведення дослідження покупців»",
        "«Результати першої хвилі»",
    ],
    code_comment: "Тег конверсії на сторінці запису",
};

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/// What a client's brief and proposals share.
struct Client {
    lang: &'static Lang,
    lang_index: usize,
    name: &'static str,
    slug: &'static str,
    competitor: &'static str,
    product: &'static str,
    audience: &'static str,
    audience2: &'static str,
    city: usize,
    person: &'static str,
    agency: &'static str,
    campaign: &'static str,
    year0: u64,
    stage: Stage,
}

impl Client {
    fn new(lang: &'static Lang, lang_index: usize, rng: &mut Rng) -> Self {
        let pair = rng.distinct(2, lang.clients.len());
        let audiences = rng.distinct(2, lang.audiences.len());
        let (name, slug, product) = lang.clients[pair[0]];
        Client {
            lang,
            lang_index,
            name,
            slug,
            competitor: lang.clients[pair[1]].0,
            product,
            audience: lang.audiences[audiences[0]],
            audience2: lang.audiences[audiences[1]],
            city: rng.below(lang.cities.len()),
            person: rng.pick(lang.people),
            agency: rng.pick(lang.agencies),
            campaign: rng.pick(lang.campaigns),
            year0: rng.range(2019, 2024),
            stage: rng.pick(&STAGES),
        }
    }
}

/// The kinds of extra block that grow a document to its planned size.
const BLOCKS: usize = 7;

/// One document being written.
struct Doc<'a> {
    out: String,
    rng: Rng,
    c: &'a Client,
    l: &'static Lang,
    own: &'a Jargon,
    en: &'a Jargon,
    /// Share of jargon terms taken from the English dictionary (fr/ru/uk text).
    en_share: f64,
    /// fr/ru/uk text that drops English marketing terms into the prose.
    mixed: bool,
    kind: Kind,
    stage: Stage,
    city: usize,
    /// Words of prose left before the next jargon term.
    words_left: i64,
    /// Templates of the last few sentences, not to be used again soon.
    recent: [&'static str; 6],
    recent_at: usize,
    /// Day of 2026 (0-based) of the last date written; `ordered` makes dates move forward.
    cursor: u64,
    ordered: bool,
    /// Day of the last meeting-notes heading, so that notes follow each other in time.
    notes_day: u64,
    last_pct: u64,
    last_kpi: &'static str,
}

impl<'a> Doc<'a> {
    fn new(c: &'a Client, dictionaries: &'a [Jargon], mut rng: Rng, kind: Kind) -> Self {
        let l = c.lang;
        let mixed = l.code != "en" && rng.chance(0.35);
        let stage = match kind {
            Kind::Brief => c.stage,
            Kind::Proposal if rng.chance(0.6) => c.stage,
            Kind::ProposalV2 if rng.chance(0.8) => c.stage,
            _ => rng.pick(&STAGES),
        };
        let words_left = rng.range(30, 125) as i64;
        let notes_day = rng.range(0, 200);
        Doc {
            out: String::new(),
            c,
            l,
            own: &dictionaries[c.lang_index],
            en: &dictionaries[0],
            en_share: if l.code == "en" {
                0.0
            } else if mixed {
                0.4
            } else {
                0.1
            },
            mixed,
            kind,
            stage,
            city: c.city,
            words_left,
            recent: [""; 6],
            recent_at: 0,
            cursor: 0,
            ordered: false,
            notes_day,
            last_pct: 20,
            last_kpi: "",
            rng,
        }
    }

    /// Writes the document, then adds blocks until it reaches `target` bytes.
    fn build(mut self, target: u64) -> String {
        self.out.reserve(target as usize + 4096);
        match self.kind {
            Kind::Brief => self.brief(),
            Kind::Proposal | Kind::ProposalV2 => self.proposal(),
        }
        let mut last = usize::MAX;
        while (self.out.len() as u64) < target {
            let block = self.rng.below(BLOCKS);
            self.block(block, block != last);
            last = block;
        }
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        self.out
    }

    // --- Document skeletons -------------------------------------------------------------------

    fn brief(&mut self) {
        let (l, c) = (self.l, self.c);
        let _ = write!(self.out, "---\nkind: brief\nlang: {}\n---\n\n", l.code);
        let title = self.rng.pick(l.brief_titles);
        let title = self.fill(title);
        let date = self.fill("{date}");
        let _ = write!(
            self.out,
            "# {title}\n\n{} {}\n{} {}\n{} {date}\n\n",
            l.meta[0], c.name, l.meta[1], c.person, l.meta[2]
        );

        self.heading(2, l.heads.background);
        let n = self.rng.range(3, 5) as usize;
        self.para(&[l.background], n);
        if self.rng.chance(0.4) {
            self.quote();
        }
        if self.rng.chance(0.3) {
            self.para(&[l.background, l.audience], 2);
        }

        self.objectives(true);

        if self.rng.chance(0.6) {
            self.heading(2, l.heads.kpis);
            self.kpi_table();
        }
        if self.rng.chance(0.92) {
            self.heading(2, l.heads.audience);
            let n = self.rng.range(2, 3) as usize;
            self.para(&[l.audience], n);
            if self.rng.chance(0.5) {
                let n = self.rng.range(2, 3) as usize;
                let items: Vec<String> = self
                    .rng
                    .distinct(n, l.audiences.len())
                    .into_iter()
                    .map(|i| capitalise(l.audiences[i]))
                    .collect();
                self.bullets(&items);
            }
        }
        if self.rng.chance(0.92) {
            self.heading(2, l.heads.budget);
            let n = self.rng.range(1, 3) as usize;
            self.para(&[l.budget], n);
        }
        if self.rng.chance(0.9) {
            self.heading(2, l.heads.timing);
            self.timeline(false);
        }
        if self.rng.chance(0.9) {
            self.heading(2, l.heads.measurement);
            let n = self.rng.range(2, 3) as usize;
            self.para(&[l.measurement], n);
        }
    }

    fn proposal(&mut self) {
        let l = self.l;
        let _ = write!(
            self.out,
            "---\nkind: proposal\nlang: {}\nbrief: brief.md\n---\n\n",
            l.code
        );
        let title = self.rng.pick(l.proposal_titles);
        let mut title = self.fill(title);
        if self.kind == Kind::ProposalV2 {
            title.push_str(l.v2);
        }
        let byline = self.fill(l.byline);
        let _ = write!(self.out, "# {title}\n\n{byline}\n\n");

        self.heading(2, l.heads.background);
        let n = self.rng.range(2, 4) as usize;
        self.para(&[l.background, l.audience], n);

        self.objectives(false);

        self.heading(2, l.heads.approach);
        let stage_lines = l.stage_lines[self.stage as usize];
        let n = self.rng.range(3, 5) as usize;
        self.para(&[stage_lines, l.approach], n);
        if self.rng.chance(0.5) {
            let n = self.rng.range(2, 4) as usize;
            self.para(&[l.approach, stage_lines], n);
        }
        if self.rng.chance(0.2) {
            self.quote();
        }

        self.heading(2, l.heads.media);
        self.media_table();
        let n = self.rng.range(1, 2) as usize;
        self.para(&[stage_lines, l.budget], n);

        if self.rng.chance(0.9) {
            self.heading(2, l.heads.budget);
            let n = self.rng.range(1, 3) as usize;
            self.para(&[l.budget], n);
        }
        if self.rng.chance(0.9) {
            self.heading(2, l.heads.measurement);
            let n = self.rng.range(2, 3) as usize;
            self.para(&[l.measurement, l.objective_prose], n);
            if self.rng.chance(0.6) {
                self.code_block();
            }
        }
        if self.rng.chance(0.9) {
            self.heading(2, l.heads.timing);
            self.timeline(true);
        }
    }

    /// The objectives section: a lead-in, a list from the document's stage, a short paragraph.
    fn objectives(&mut self, brief: bool) {
        let l = self.l;
        self.heading(2, l.heads.objectives);
        let _ = write!(self.out, "{}\n\n", l.objectives_lead);
        let pool = l.stage_objectives[self.stage as usize];
        let n = self.rng.range(3, 5) as usize;
        let picks = self.rng.distinct(n, pool.len());
        let nested = if self.rng.chance(0.25) {
            self.rng.below(picks.len())
        } else {
            usize::MAX
        };
        for (i, &p) in picks.iter().enumerate() {
            let item = self.item(pool[p]);
            let _ = writeln!(self.out, "- {item}");
            if i == nested {
                for sub in self.rng.distinct(2, pool.len()) {
                    let sub = self.item(pool[sub]);
                    let _ = writeln!(self.out, "  - {sub}");
                }
            }
        }
        if brief && self.rng.chance(0.2) {
            let vague = self.rng.pick(l.vague);
            let vague = self.item(vague);
            let _ = writeln!(self.out, "- {vague}");
        }
        self.out.push('\n');
        let n = self.rng.range(1, 2) as usize;
        self.para(&[l.objective_prose], n);
    }

    // --- Extension blocks ---------------------------------------------------------------------

    /// Appends one extension block; `fresh` starts a new `##` section for it.
    fn block(&mut self, block: usize, fresh: bool) {
        let l = self.l;
        let heads = [
            l.heads.markets,
            l.heads.flighting,
            l.heads.notes,
            l.heads.tracking,
            l.heads.risks,
            l.heads.creative,
            l.heads.competitors,
        ];
        if fresh {
            self.heading(2, heads[block]);
        }
        match block {
            0 => self.markets(),
            1 => self.flighting(),
            2 => self.notes(),
            3 => self.tracking(),
            4 => self.risks(),
            5 => self.creative(),
            _ => self.competitors(),
        }
    }

    fn markets(&mut self) {
        let l = self.l;
        self.city = self.rng.below(l.cities.len());
        let _ = write!(self.out, "### {}\n\n", l.cities[self.city].0);
        let n = self.rng.range(2, 4) as usize;
        self.para(
            &[l.approach, l.background, l.stage_lines[self.stage as usize]],
            n,
        );
        let n = self.rng.range(2, 4) as usize;
        let items: Vec<String> = self
            .rng
            .distinct(n, l.channels.len())
            .into_iter()
            .map(|i| format!("{}{} {}", l.channels[i], l.colon, self.fill("{money_row}")))
            .collect();
        self.bullets(&items);
        self.city = self.c.city;
    }

    fn flighting(&mut self) {
        let l = self.l;
        let _ = write!(self.out, "### {}\n\n", self.rng.pick(l.channels));
        self.table_header(l.flight_header);
        let weeks = self.rng.range(4, 12);
        for week in 1..=weeks {
            let spend = self.row_budget();
            let cpm = self.raw('c');
            let (mut budget, mut impressions, mut unit) =
                (String::new(), String::new(), String::new());
            money(l, spend, &mut budget);
            self.format_value('n', spend / cpm * 1000.0, &mut impressions);
            self.format_value('c', cpm, &mut unit);
            let cpm = unit;
            let _ = writeln!(
                self.out,
                "| {} {week} | {budget} | {impressions} | {cpm} |",
                l.week
            );
        }
        self.out.push('\n');
        if self.rng.chance(0.5) {
            self.para(&[l.approach, l.budget], 1);
        }
    }

    fn notes(&mut self) {
        let l = self.l;
        self.notes_day = (self.notes_day + self.rng.range(3, 25)).min(364);
        let mut date = String::new();
        self.write_day(self.notes_day, &mut date);
        let _ = write!(self.out, "### {date}\n\n");
        self.quote();
        let n = self.rng.range(1, 3) as usize;
        self.para(&[l.background, l.approach, l.audience], n);
        let n = self.rng.range(2, 3) as usize;
        let mut picks = self.rng.distinct(n, l.timeline.len());
        picks.sort_unstable();
        (self.ordered, self.cursor) = (true, self.notes_day);
        for i in picks {
            let item = self.item(l.timeline[i]);
            let _ = writeln!(self.out, "- {item}");
            if self.rng.chance(0.4) {
                let sub = self.rng.pick(l.risks);
                let sub = self.item(sub);
                let _ = writeln!(self.out, "  - {sub}");
            }
        }
        self.ordered = false;
        self.out.push('\n');
    }

    fn tracking(&mut self) {
        let l = self.l;
        let _ = write!(self.out, "### {}\n\n", self.rng.pick(l.channels));
        let n = self.rng.range(1, 2) as usize;
        self.para(&[l.measurement], n);
        self.code_block();
        if self.rng.chance(0.5) {
            self.para(&[l.measurement, l.objective_prose], 1);
        }
    }

    fn risks(&mut self) {
        let l = self.l;
        let n = self.rng.range(2, 4) as usize;
        for (k, i) in self.rng.distinct(n, l.risks.len()).into_iter().enumerate() {
            let item = self.item(l.risks[i]);
            let _ = writeln!(self.out, "{}. {item}", k + 1);
            if self.rng.chance(0.6) {
                let pool = if self.rng.chance(0.5) {
                    l.approach
                } else {
                    l.measurement
                };
                let sub = self.sentence(&[pool]);
                let _ = writeln!(self.out, "   - {sub}");
            }
        }
        self.out.push('\n');
    }

    fn creative(&mut self) {
        let l = self.l;
        let letter = char::from(b'A' + self.rng.below(4) as u8);
        let name = self.rng.pick(l.campaigns);
        let _ = write!(self.out, "### {} {letter}: «{name}»\n\n", l.route);
        let n = self.rng.range(2, 4) as usize;
        self.para(&[l.approach, l.stage_lines[self.stage as usize]], n);
        let n = self.rng.range(2, 3) as usize;
        let items: Vec<String> = (0..n).map(|_| self.sentence(&[l.approach])).collect();
        self.bullets(&items);
    }

    fn competitors(&mut self) {
        let l = self.l;
        let mut name = self.c.name;
        while name == self.c.name {
            name = self.rng.pick(l.clients).0;
        }
        let _ = write!(self.out, "### {name}\n\n");
        let n = self.rng.range(2, 3) as usize;
        self.para(&[l.background, l.audience], n);
        let n = self.rng.range(1, 3) as usize;
        let items: Vec<String> = (0..n)
            .map(|_| {
                let channel = self.rng.pick(l.channels);
                let text = self.sentence(&[l.risks]);
                format!("**{channel}**{} {text}", l.colon)
            })
            .collect();
        self.bullets(&items);
    }

    // --- Markdown pieces ----------------------------------------------------------------------

    fn heading(&mut self, level: usize, options: L) {
        let text = self.rng.pick(options);
        let _ = write!(self.out, "{} {text}\n\n", "#".repeat(level));
    }

    fn bullets(&mut self, items: &[String]) {
        for item in items {
            let _ = writeln!(self.out, "- {item}");
        }
        self.out.push('\n');
    }

    /// A paragraph of `n` sentences, each from one of `pools`.
    fn para(&mut self, pools: &[L], n: usize) {
        for i in 0..n {
            if i > 0 {
                self.out.push(' ');
            }
            let sentence = self.sentence(pools);
            if self.rng.chance(0.03) {
                let _ = write!(self.out, "*{sentence}*");
            } else {
                self.out.push_str(&sentence);
            }
        }
        self.out.push_str("\n\n");
    }

    /// A client quote with its author.
    fn quote(&mut self) {
        let l = self.l;
        let n = self.rng.range(1, 2) as usize;
        for (k, i) in self.rng.distinct(n, l.quotes.len()).into_iter().enumerate() {
            if k > 0 {
                self.out.push_str(">\n");
            }
            let _ = writeln!(self.out, "> {}", l.quotes[i]);
        }
        let _ = write!(self.out, ">\n> — {}\n\n", self.c.person);
    }

    /// A numbered list of milestones, sometimes with sub-steps.
    fn timeline(&mut self, nested: bool) {
        let l = self.l;
        self.ordered = true;
        self.cursor = self.rng.range(0, 150);
        let n = self.rng.range(3, 5) as usize;
        let mut picks = self.rng.distinct(n, l.timeline.len());
        picks.sort_unstable();
        for (k, i) in picks.into_iter().enumerate() {
            let item = self.item(l.timeline[i]);
            let _ = writeln!(self.out, "{}. {item}", k + 1);
            if nested && self.rng.chance(0.3) {
                let sub = self.sentence(&[l.approach, l.measurement]);
                let _ = writeln!(self.out, "   - {sub}");
            }
        }
        self.ordered = false;
        self.out.push('\n');
    }

    fn table_header(&mut self, header: &str) {
        let columns = header.matches('|').count().saturating_sub(1);
        let _ = writeln!(self.out, "{header}\n|{}", "---|".repeat(columns));
    }

    /// A GFM media plan: channels, dates, budgets, the stage's metric, target and unit cost.
    fn media_table(&mut self) {
        let l = self.l;
        self.table_header(l.media_header);
        let metrics = l.stage_metrics[self.stage as usize];
        let n = self.rng.range(4, 7) as usize;
        for i in self.rng.distinct(n, l.channels.len()) {
            let (metric, value_kind) = self.rng.pick(metrics);
            let start = self.rng.range(1, 9);
            let end = self.rng.range(start + 1, 12);
            let sep = l.date_sep;
            let (d1, d2) = (self.rng.range(1, 28), self.rng.range(1, 28));
            let budget = self.fill("{money_row}");
            let target = self.value(value_kind, true);
            let unit = self.value(['c', 'v', 'm', 'm'][self.stage as usize], false);
            let _ = writeln!(
                self.out,
                "| {} | {d1:02}{sep}{start:02}–{d2:02}{sep}{end:02} | {budget} | {metric} | {target} | {unit} |",
                l.channels[i]
            );
        }
        self.out.push('\n');
    }

    /// A KPI table: the stage's metrics with a baseline and a target.
    fn kpi_table(&mut self) {
        let l = self.l;
        self.table_header(l.kpi_header);
        let metrics = l.stage_metrics[self.stage as usize];
        let n = self.rng.range(3, 4) as usize;
        for i in self.rng.distinct(n, metrics.len()) {
            let (metric, kind) = metrics[i];
            let base = self.raw(kind);
            let target = self.improve(kind, base);
            let (mut baseline, mut goal) = (String::new(), String::new());
            self.format_value(kind, base, &mut baseline);
            self.format_value(kind, target, &mut goal);
            let target = goal;
            let _ = writeln!(self.out, "| {metric} | {baseline} | {target} |");
        }
        self.out.push('\n');
    }

    /// A fenced code block (tracking tag, JSON, YAML or a log) with jargon in it.
    fn code_block(&mut self) {
        let (l, slug) = (self.l, self.c.slug);
        let j1 = self.jargon_term();
        let j2 = self.jargon_term();
        let (s1, s2) = (slugify(&j1), slugify(&j2));
        let channel = slugify(self.rng.pick(l.channels));
        let stage = self.stage.name();
        let id = self.rng.range(100_000_000, 999_999_999);
        let block = match self.rng.below(4) {
            0 => format!(
                "```js\n// {}\ngtag('event', 'conversion', {{\n  send_to: 'AW-{id}/{slug}',\n  campaign: '{slug}_{s1}',\n  value: {}.{:02},\n}});\n```\n\n",
                l.code_comment,
                self.rng.range(5, 400),
                self.rng.range(0, 99),
            ),
            1 => format!(
                "```json\n{{\n  \"campaign\": \"{slug}-2026\",\n  \"utm_source\": \"{channel}\",\n  \"stage\": \"{stage}\",\n  \"tags\": [\"{}\", \"{}\"],\n  \"budget\": {}\n}}\n```\n\n",
                json_escape(&j1),
                json_escape(&j2),
                self.rng.range(10, 900) * 1000,
            ),
            2 => format!(
                "```yaml\n# {}\ncampaign: {slug}_2026\nstage: {stage}\nsource: {channel}\nnotes: \"{}\"\n```\n\n",
                l.code_comment,
                json_escape(&j1),
            ),
            _ => format!(
                "```text\nsource={channel}; tag={s1}; status=live\nsource={channel}; tag={s2}; status=paused\n```\n\n"
            ),
        };
        self.out.push_str(&block);
    }

    // --- Text ---------------------------------------------------------------------------------

    /// One sentence from one of `pools` (avoiding the last few), or a jargon sentence once
    /// enough prose has gone by.
    fn sentence(&mut self, pools: &[L]) -> String {
        let template = if self.words_left <= 0 {
            // Lists, quotes and tables between sentences widen the gap: the linter counts
            // about one term per 80–150 words of prose.
            self.words_left = self.rng.range(60, 125) as i64;
            self.rng.pick(self.l.jargon_frames)
        } else if self.mixed && self.rng.chance(0.06) {
            self.rng.pick(self.l.mixed)
        } else {
            let mut t = "";
            for _ in 0..6 {
                let pool = self.rng.pick(pools);
                t = self.rng.pick(pool);
                if !self.recent.iter().any(|r| std::ptr::eq(*r, t)) {
                    break;
                }
            }
            t
        };
        self.recent[self.recent_at % self.recent.len()] = template;
        self.recent_at += 1;
        let text = self.fill(template);
        self.words_left -= text.split_whitespace().count() as i64;
        text
    }

    /// A list item or table cell text: counts as prose but never carries a jargon sentence.
    fn item(&mut self, template: &str) -> String {
        let mut text = self.fill(template);
        self.words_left -= text.split_whitespace().count() as i64;
        if self.rng.chance(0.3)
            && let Some(at) = text.find(':').filter(|&at| at < 60)
        {
            let label = text[..at].trim_end().to_owned();
            text = format!("**{label}**{}", &text[label.len()..]);
        }
        text
    }

    /// One concrete jargon term, from the document's own dictionary or the English one.
    fn jargon_term(&mut self) -> String {
        let mut term = String::new();
        let dictionary = if self.rng.chance(self.en_share) {
            self.en
        } else {
            self.own
        };
        dictionary.pick(&mut self.rng, &mut term);
        term
    }

    /// Expands `{placeholders}` in a template.
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 48);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed placeholder");
            self.placeholder(&rest[open + 1..close], &mut out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn placeholder(&mut self, name: &str, s: &mut String) {
        let (c, l) = (self.c, self.l);
        match name {
            "client" => s.push_str(c.name),
            "competitor" => s.push_str(c.competitor),
            "product" => s.push_str(c.product),
            "audience" => s.push_str(c.audience),
            "audience2" => s.push_str(c.audience2),
            "agency" => s.push_str(c.agency),
            "person" => s.push_str(c.person),
            "campaign" => s.push_str(c.campaign),
            "city" => s.push_str(l.cities[self.city].0),
            "in_city" => s.push_str(l.cities[self.city].1),
            "year0" => {
                let _ = write!(s, "{}", c.year0);
            }
            "n" => {
                let _ = write!(s, "{}", self.rng.range(5, 19));
            }
            "n2" => {
                let _ = write!(s, "{}", self.rng.range(20, 70));
            }
            "n3" => {
                let _ = write!(s, "{}", self.rng.range(15, 90) * 10);
            }
            "big" => {
                let n = self.raw('n');
                self.format_value('n', n, s);
            }
            "pct" => {
                self.last_pct = self.rng.range(5, 60);
                let _ = write!(s, "{}{}", self.last_pct, l.percent);
            }
            "pct_up" => {
                let up = (self.last_pct + self.rng.range(3, 15)).min(95);
                let _ = write!(s, "{up}{}", l.percent);
            }
            "pct_down" => {
                let down = self.last_pct.saturating_sub(self.rng.range(3, 15)).max(1);
                let _ = write!(s, "{down}{}", l.percent);
            }
            "dec" => {
                let v = self.raw('r');
                self.format_value('r', v, s);
            }
            "money" => {
                let power = [3, 4, 4, 4, 4, 4, 3, 3, 5, 4][self.rng.below(10)];
                let amount = self.rng.range(12, 99) * 10u64.pow(power);
                money(l, amount as f64, s);
            }
            "money_row" => {
                let amount = self.row_budget();
                money(l, amount, s);
            }
            "money_small" => {
                let v = self.raw('m');
                self.format_value('m', v, s);
            }
            "date" => self.date(false, s),
            "date2" => self.date(true, s),
            "month" => s.push_str(self.rng.pick(&l.in_months)),
            "kpi" | "kpi2" => {
                let pool = l.stage_kpis[self.stage as usize];
                let mut kpi = self.rng.pick(pool);
                while name == "kpi2" && kpi == self.last_kpi {
                    kpi = self.rng.pick(pool);
                }
                self.last_kpi = kpi;
                s.push_str(kpi);
            }
            "channel" => s.push_str(self.rng.pick(l.channels)),
            "utm" => {
                let tag = self.tag();
                let _ = write!(s, "`utm_campaign={}_{tag}`", c.slug);
            }
            "url" => {
                let tag = self.tag();
                let _ = write!(s, "https://{}.example/reports/2026/{tag}", c.slug);
            }
            "link" => {
                let text = self.rng.pick(l.link_texts);
                let tag = self.tag();
                let _ = write!(s, "[{text}](https://{}.example/docs/{tag})", c.slug);
            }
            "j" => {
                let term = self.jargon_term();
                s.push_str(&term);
            }
            other => panic!("unknown placeholder {{{other}}}"),
        }
    }

    /// The budget of one media-plan line or week, in pounds or euros.
    fn row_budget(&mut self) -> f64 {
        let power = if self.rng.chance(0.25) { 4 } else { 3 };
        (self.rng.range(12, 99) * 10u64.pow(power)) as f64
    }

    /// A URL or tracking tag segment: a jargon slug half the time (the linter must skip it).
    fn tag(&mut self) -> String {
        if self.rng.chance(0.5) {
            slugify(&self.jargon_term())
        } else {
            format!("{}-w{}", slugify(self.c.campaign), self.rng.range(1, 52))
        }
    }

    /// A date in 2026: random, or after the previous one for `second` and in timelines.
    fn date(&mut self, second: bool, s: &mut String) {
        self.cursor = if second || self.ordered {
            (self.cursor + self.rng.range(5, 45)).min(364)
        } else {
            self.rng.range(0, 300)
        };
        self.write_day(self.cursor, s);
    }

    /// Writes day `day` (0-based) of 2026 in the language's long form.
    fn write_day(&self, day: u64, s: &mut String) {
        const LENGTHS: [u64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let (mut month, mut rest) = (0, day.min(364));
        while rest >= LENGTHS[month] {
            rest -= LENGTHS[month];
            month += 1;
        }
        let l = self.l;
        let ordinal = if rest == 0 && l.code == "fr" {
            "er"
        } else {
            ""
        };
        let _ = write!(
            s,
            "{}{ordinal} {} 2026{}",
            rest + 1,
            l.months[month],
            l.year_suffix
        );
    }

    /// A raw value of a metric kind: `p` share in %, `d` small % (`x`: lower is better),
    /// `n` count, `r` ratio, `g` GRP, `s` score, and the costs `c` CPM, `v` CPV, `m` CPA or
    /// CPL, `l` customer lifetime value (costs in pounds or euros).
    fn raw(&mut self, kind: char) -> f64 {
        let u = self.rng.unit();
        match kind {
            'p' => 5.0 + u * 55.0,
            'd' | 'x' => 0.5 + u * 8.0,
            'n' => 10f64.powf(3.0 + u * 3.2),
            'r' => 1.5 + u * 6.0,
            'g' => 150.0 + u * 750.0,
            's' => 20.0 + u * 50.0,
            'c' => 3.0 + u * 22.0,
            'v' => 0.02 + u * 0.13,
            'm' => 8.0 + u * 112.0,
            _ => 150.0 + u * 1350.0,
        }
    }

    /// A target for `value`: lower for costs and churn, higher for everything else.
    fn improve(&mut self, kind: char, value: f64) -> f64 {
        let u = self.rng.unit();
        if matches!(kind, 'c' | 'v' | 'm' | 'x') {
            value * (0.6 + 0.35 * u)
        } else {
            value * (1.1 + 0.7 * u)
        }
    }

    /// A formatted value of a metric kind (see [`Doc::raw`]), a target if `target`.
    fn value(&mut self, kind: char, target: bool) -> String {
        let mut value = self.raw(kind);
        if target {
            value = self.improve(kind, value);
        }
        let mut s = String::new();
        self.format_value(kind, value, &mut s);
        s
    }

    fn format_value(&self, kind: char, value: f64, s: &mut String) {
        let l = self.l;
        match kind {
            'p' => {
                let _ = write!(s, "{}{}", (value.round() as u64).min(95), l.percent);
            }
            'd' | 'x' => {
                tenths(l, (value * 10.0).round() as u64, s);
                s.push_str(l.percent);
            }
            'r' => tenths(l, (value * 10.0).round() as u64, s),
            'n' => {
                let n = round_to_two_digits(value);
                if n >= 1_000_000 {
                    tenths(l, n / 100_000, s);
                    s.push_str(l.million);
                } else {
                    thousands(l, n, s);
                }
            }
            'g' => thousands(l, (value / 10.0).round() as u64 * 10, s),
            's' => {
                let _ = write!(s, "{}", value.round() as u64);
            }
            _ => money(l, value, s),
        }
    }
}

/// `value` rounded to its two leading digits (`48,371` → `48,000`).
fn round_to_two_digits(value: f64) -> u64 {
    let n = value.round().max(1.0) as u64;
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

/// Writes `n` with the language's thousands separator.
fn thousands(l: &Lang, n: u64, s: &mut String) {
    let digits = n.to_string();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            s.push_str(l.thousands);
        }
        s.push(ch);
    }
}

/// Writes a number given in tenths, e.g. `12` as `1.2` (or `1,2`), `20` as `2`.
fn tenths(l: &Lang, n: u64, s: &mut String) {
    if n.is_multiple_of(10) {
        let _ = write!(s, "{}", n / 10);
    } else {
        let _ = write!(s, "{}{}{}", n / 10, l.decimal, n % 10);
    }
}

/// Writes an amount given in pounds or euros; roubles and hryvnias are converted.
fn money(l: &Lang, base: f64, s: &mut String) {
    let (rate, unit, thousand, million) = match l.currency {
        Currency::Pound => {
            s.push('£');
            (1.0, "", None, " million")
        }
        Currency::Euro => (1.0, " €", None, " M€"),
        Currency::Rouble => (100.0, " ₽", Some(" тыс. ₽"), " млн ₽"),
        Currency::Hryvnia => (50.0, " грн", Some(" тис. грн"), " млн грн"),
    };
    let amount = base * rate;
    if amount >= 1_000_000.0 {
        tenths(l, (amount / 100_000.0).round() as u64, s);
        s.push_str(million);
    } else if amount >= 10_000.0 {
        let rounded = (amount / 1000.0).round() as u64;
        match thousand {
            Some(thousand) => {
                thousands(l, rounded, s);
                s.push_str(thousand);
            }
            None => {
                thousands(l, rounded * 1000, s);
                s.push_str(unit);
            }
        }
    } else if amount >= 10.0 {
        let step = if amount >= 1000.0 { 10.0 } else { 1.0 };
        thousands(l, ((amount / step).round() * step) as u64, s);
        s.push_str(unit);
    } else {
        let cents = (amount * 100.0).round() as u64;
        let _ = write!(s, "{}{}{:02}{unit}", cents / 100, l.decimal, cents % 100);
    }
}

fn json_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
