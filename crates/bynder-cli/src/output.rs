//! Printing results: JSON with `--json`, otherwise aligned tables.

use serde::Serialize;

use bynder::Error;

/// Prints `value` as pretty JSON.
pub fn json(value: &impl Serialize) -> Result<(), Error> {
    print_json(serde_json::to_string_pretty(value))
}

/// Prints `value` as one line of JSON (for results printed one per input, as JSON Lines).
pub fn json_line(value: &impl Serialize) -> Result<(), Error> {
    print_json(serde_json::to_string(value))
}

fn print_json(text: serde_json::Result<String>) -> Result<(), Error> {
    let text = text.map_err(|e| {
        Error::new(
            bynder::ErrorKind::Internal,
            format!("cannot print JSON: {e}"),
        )
    })?;
    println!("{text}");
    Ok(())
}

/// `value` as a JSON value, to add fields to it.
pub fn to_value(value: &impl Serialize) -> Result<serde_json::Value, Error> {
    serde_json::to_value(value).map_err(|e| {
        Error::new(
            bynder::ErrorKind::Internal,
            format!("cannot convert to JSON: {e}"),
        )
    })
}

/// Prints rows under headers, each column as wide as its widest cell (cells are cut at 48
/// characters so a long description does not wreck the table).
pub fn table(headers: &[&str], rows: &[Vec<String>]) {
    const MAX: usize = 48;
    let cell = |text: &str| -> String {
        if text.chars().count() > MAX {
            format!("{}…", text.chars().take(MAX - 1).collect::<String>())
        } else {
            text.to_string()
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(headers.iter().map(|h| h.to_string()).collect());
    line(widths.iter().map(|w| "-".repeat(*w)).collect());
    for row in rows {
        line(row);
    }
}
