//! HTTP range requests (RFC 9110 §14) for the storage host: one `bytes` range (`a-b`, `a-`,
//! `-n`), `If-Range` against the strong `ETag` or the `Last-Modified` date. A header that
//! cannot be read, or asks for several ranges, is ignored (the whole file is served), as the
//! RFC allows.

/// What to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// The whole file (200).
    Full,
    /// Bytes `start..end` (206; `end` exclusive).
    Partial { start: u64, end: u64 },
    /// No byte of the range exists (416).
    Unsatisfiable,
}

/// The plan for a file of `size` bytes.
pub fn plan(
    range: Option<&str>,
    if_range: Option<&str>,
    etag: &str,
    last_modified: &str,
    size: u64,
) -> Plan {
    let Some(range) = range else {
        return Plan::Full;
    };
    if let Some(validator) = if_range.map(str::trim)
        && validator != etag
        && validator != last_modified
    {
        return Plan::Full;
    }
    let Some(spec) = range
        .trim()
        .split_once('=')
        .filter(|(unit, _)| unit.trim().eq_ignore_ascii_case("bytes"))
        .map(|(_, spec)| spec.trim())
    else {
        return Plan::Full;
    };
    if spec.contains(',') {
        return Plan::Full;
    }
    let Some((first, last)) = spec.split_once('-') else {
        return Plan::Full;
    };
    let number = |text: &str| -> Option<u64> {
        let text = text.trim();
        (!text.is_empty() && text.chars().all(|c| c.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    };
    match (first.trim().is_empty(), number(first), number(last)) {
        // `-n`: the last n bytes.
        (true, _, Some(suffix)) => {
            if suffix == 0 || size == 0 {
                Plan::Unsatisfiable
            } else {
                Plan::Partial {
                    start: size.saturating_sub(suffix),
                    end: size,
                }
            }
        }
        // `a-` and `a-b`.
        (false, Some(start), last_pos) if last.trim().is_empty() || last_pos.is_some() => {
            if last_pos.is_some_and(|last| last < start) {
                return Plan::Full;
            }
            if start >= size {
                return Plan::Unsatisfiable;
            }
            let end = last_pos.map_or(size, |last| last.saturating_add(1).min(size));
            Plan::Partial { start, end }
        }
        _ => Plan::Full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ETAG: &str = "\"abc\"";
    const DATE: &str = "Tue, 01 Jan 2030 00:00:00 GMT";

    fn p(range: &str, size: u64) -> Plan {
        plan(Some(range), None, ETAG, DATE, size)
    }

    #[test]
    fn the_three_forms() {
        assert_eq!(p("bytes=0-9", 100), Plan::Partial { start: 0, end: 10 });
        assert_eq!(
            p("bytes=90-", 100),
            Plan::Partial {
                start: 90,
                end: 100
            }
        );
        assert_eq!(
            p("bytes=-10", 100),
            Plan::Partial {
                start: 90,
                end: 100
            }
        );
        assert_eq!(p("bytes=-500", 100), Plan::Partial { start: 0, end: 100 });
        assert_eq!(
            p("bytes=50-500", 100),
            Plan::Partial {
                start: 50,
                end: 100
            }
        );
        assert_eq!(p("Bytes = 1-1", 100), Plan::Partial { start: 1, end: 2 });
    }

    #[test]
    fn unsatisfiable_ranges() {
        assert_eq!(p("bytes=100-", 100), Plan::Unsatisfiable);
        assert_eq!(p("bytes=100-200", 100), Plan::Unsatisfiable);
        assert_eq!(p("bytes=-0", 100), Plan::Unsatisfiable);
        assert_eq!(p("bytes=0-", 0), Plan::Unsatisfiable);
    }

    #[test]
    fn unreadable_or_multiple_ranges_serve_everything() {
        for range in [
            "bytes=5-1",
            "items=0-1",
            "bytes=a-b",
            "bytes=0-1,4-5",
            "bytes=",
            "bytes=-",
        ] {
            assert_eq!(p(range, 100), Plan::Full, "{range}");
        }
        assert_eq!(plan(None, None, ETAG, DATE, 100), Plan::Full);
    }

    #[test]
    fn if_range_must_match_the_etag_or_the_date() {
        let range = Some("bytes=0-0");
        let part = Plan::Partial { start: 0, end: 1 };
        assert_eq!(plan(range, Some(ETAG), ETAG, DATE, 10), part);
        assert_eq!(plan(range, Some(DATE), ETAG, DATE, 10), part);
        assert_eq!(plan(range, Some("\"other\""), ETAG, DATE, 10), Plan::Full);
        assert_eq!(plan(range, Some("W/\"abc\""), ETAG, DATE, 10), Plan::Full);
    }
}
