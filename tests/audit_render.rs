//! The audit's HTML report, rendered by a real browser: `brieflint audit fixtures --html`,
//! then a headless Chromium screenshot, which must show the page and its bar charts.
//!
//! The browser is `$BRIEFLINT_CHROMIUM`, else the first of `chromium`, `chromium-browser` and
//! `google-chrome` on `PATH`. Without one the test fails: `scripts/test.sh` installs it. Set
//! `BRIEFLINT_KEEP_SCREENSHOT=path.png` to keep the screenshot and look at it.
#![cfg(unix)]

use std::collections::HashSet;
use std::env;
use std::fs::{self, File};
use std::io::BufReader;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{self, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// A browser that has not written its screenshot by then is killed and the test fails.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(60);
const WIDTH: u32 = 1280;
const HEIGHT: u32 = 2000;

/// The browser to run, or a failure that says how to install one: never a silent pass.
fn browser() -> PathBuf {
    if let Some(named) = env::var_os("BRIEFLINT_CHROMIUM").filter(|v| !v.is_empty()) {
        let named = PathBuf::from(named);
        return if named.components().count() > 1 {
            assert!(
                named.is_file(),
                "BRIEFLINT_CHROMIUM={} does not exist",
                named.display()
            );
            named
        } else {
            on_path(&named.to_string_lossy())
                .unwrap_or_else(|| panic!("BRIEFLINT_CHROMIUM={} is not on PATH", named.display()))
        };
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| on_path(name))
        .unwrap_or_else(|| {
            panic!(
                "no headless browser found for the audit render test: install Chromium \
                 (`apt-get install chromium`, or run scripts/test.sh, which does it), or set \
                 BRIEFLINT_CHROMIUM to a Chromium or Chrome binary"
            )
        })
}

fn on_path(name: &str) -> Option<PathBuf> {
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Runs the browser on `page`, writing a `WIDTH`×`HEIGHT` screenshot to `png`; kills its
/// whole process group if it takes longer than `BROWSER_TIMEOUT`.
fn screenshot(browser: &Path, page: &Path, png: &Path, scratch: &Path) {
    let profile = scratch.join("profile");
    fs::create_dir(&profile).unwrap();
    let log_path = scratch.join("browser.log");
    let log = File::create(&log_path).unwrap();
    let mut child = process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={WIDTH},{HEIGHT}"))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        // Its own process group, so that a hung browser is killed with all its helpers.
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));
    let log_tail = || {
        let text = fs::read_to_string(&log_path).unwrap_or_default();
        // Without a session bus Chromium logs many D-Bus errors that say nothing here.
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| !l.contains(":ERROR:dbus/"))
            .collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    };
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > BROWSER_TIMEOUT {
            let _ = process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{} took more than {BROWSER_TIMEOUT:?} to take the screenshot and was killed; \
                 its output ends:\n{}",
                browser.display(),
                log_tail()
            );
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success() && png.is_file(),
        "{} exited with {status}{}; its output ends:\n{}",
        browser.display(),
        if png.is_file() {
            ""
        } else {
            " without writing the screenshot"
        },
        log_tail()
    );
}

struct Image {
    width: u32,
    height: u32,
    /// One RGB triple per pixel, row by row.
    pixels: Vec<[u8; 3]>,
}

fn decode(path: &Path) -> Image {
    let mut decoder = png::Decoder::new(BufReader::new(File::open(path).unwrap()));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected screenshot colour type {other:?}"),
    };
    let pixels = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    Image {
        width: info.width,
        height: info.height,
        pixels,
    }
}

/// The colour the report's stylesheet gives the chart bars (`rect{fill:#rrggbb}`).
fn bar_colour(html: &str) -> [u8; 3] {
    let at = html
        .find("rect{fill:#")
        .expect("the report's stylesheet no longer sets `rect{fill:#rrggbb}`: update this test")
        + "rect{fill:#".len();
    let hex = &html[at..at + 6];
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    [channel(0), channel(2), channel(4)]
}

fn near(a: [u8; 3], b: [u8; 3], tolerance: u8) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tolerance)
}

#[test]
fn audit_html_renders_charts_in_a_headless_browser() {
    let browser = browser();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = tempfile::tempdir().unwrap();
    let report = scratch.path().join("report.html");
    let out = Command::cargo_bin("brieflint")
        .unwrap()
        .current_dir(root)
        .env("NO_COLOR", "1")
        .args(["audit", "fixtures", "--html"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "audit failed with {}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let html = fs::read_to_string(&report).unwrap();
    let bar = bar_colour(&html);
    let rects = html.matches("<rect").count();
    assert!(
        rects >= 3,
        "the report draws {rects} bars; the fixtures should give several"
    );

    let png_path = scratch.path().join("screenshot.png");
    screenshot(&browser, &report, &png_path, scratch.path());
    if let Some(keep) = env::var_os("BRIEFLINT_KEEP_SCREENSHOT").filter(|v| !v.is_empty()) {
        fs::copy(&png_path, &keep).unwrap_or_else(|e| {
            panic!(
                "cannot keep the screenshot at {}: {e}",
                Path::new(&keep).display()
            )
        });
    }

    let image = decode(&png_path);
    assert_eq!(
        (image.width, image.height),
        (WIDTH, HEIGHT),
        "screenshot size"
    );
    let total = image.pixels.len();
    let distinct: HashSet<[u8; 3]> = image.pixels.iter().copied().collect();
    let non_white = image
        .pixels
        .iter()
        .filter(|&&p| !near(p, [255, 255, 255], 8))
        .count();
    // Text in the stylesheet's #222 and #333, anti-aliased.
    let dark = image
        .pixels
        .iter()
        .filter(|p| p.iter().all(|&c| c < 0x60))
        .count();
    let bar_pixels = image.pixels.iter().filter(|&&p| near(p, bar, 4)).count();
    // Rows that hold a bar, and the runs of such rows: each bar is 16 px high, 6 px apart.
    let bar_rows: Vec<bool> = image
        .pixels
        .chunks_exact(WIDTH as usize)
        .map(|row| row.iter().filter(|&&p| near(p, bar, 4)).count() >= 2)
        .collect();
    let bar_runs = bar_rows
        .iter()
        .zip(std::iter::once(&false).chain(&bar_rows))
        .filter(|&(&now, &before)| now && !before)
        .count();
    let stats = format!(
        "{} distinct colours, {non_white} of {total} pixels not white, {dark} dark (text), \
         {bar_pixels} in the bar colour #{:02x}{:02x}{:02x} in {bar_runs} bands of rows, \
         for {rects} <rect>s in the HTML",
        distinct.len(),
        bar[0],
        bar[1],
        bar[2]
    );
    eprintln!("screenshot: {stats}");

    assert!(
        distinct.len() > 32,
        "the screenshot is nearly flat: {stats}"
    );
    assert!(
        non_white * 100 > total * 2,
        "the screenshot is nearly blank: {stats}"
    );
    assert!(
        dark > 2_000,
        "the screenshot shows little or no text: {stats}"
    );
    assert!(
        bar_pixels > 16 * 50 * 3,
        "the bar charts did not render in #{:02x}{:02x}{:02x}: {stats}",
        bar[0],
        bar[1],
        bar[2]
    );
    assert!(
        bar_runs >= 3,
        "expected at least three separate bars: {stats}"
    );
}
