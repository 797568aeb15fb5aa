//! Dates as members read them. Pure arithmetic, so it costs the wasm nothing to carry.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "22 Nov 2026" for unix seconds (UTC).
pub fn format_date(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    format!("{d} {} {y}", MONTHS[(m - 1) as usize])
}

/// "2027-01-15 08:00 UTC": a moment, to the minute, for logs an admin reads.
pub fn format_minute(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    let secs = unix.rem_euclid(86_400);
    format!(
        "{y}-{m:02}-{d:02} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// "2027-01-15T08:00:00Z" (ISO 8601), for files other programs read.
pub fn format_iso(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    let secs = unix.rem_euclid(86_400);
    format!(
        "{y}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// "2027-01-15" for unix seconds (UTC): the value of a date field.
pub fn format_day(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The start (UTC) of the day a date field sends, "2027-01-15"; `None` for anything else.
pub fn parse_day(s: &str) -> Option<i64> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 {
        return None;
    }
    let days = days_from_civil(y, m, d);
    // 31 February is not a day: it must come back as itself.
    (civil_from_days(days) == (y, m, d)).then_some(days * 86_400)
}

/// Howard Hinnant's civil-to-days algorithm.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::{format_date, format_day, format_iso, format_minute, parse_day};

    #[test]
    fn date_fields_read_back_what_they_show() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2027-01-15"), Some(1_800_000_000 - 8 * 3600));
        assert_eq!(parse_day("2000-02-29"), Some(951_782_400));
        for bad in [
            "",
            "2027-02-30",
            "2027-13-01",
            "2027-00-10",
            "15/01/2027",
            "2027-1",
            "x-y-z",
            "99999-01-01",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        for day in [0, 951_782_400, 1_800_000_000 - 8 * 3600] {
            assert_eq!(parse_day(&format_day(day)), Some(day));
        }
    }

    #[test]
    fn dates_format_in_utc() {
        assert_eq!(format_date(0), "1 Jan 1970");
        assert_eq!(format_date(1_800_000_000), "15 Jan 2027");
        assert_eq!(format_date(951_782_400), "29 Feb 2000");
        assert_eq!(format_minute(1_800_000_000), "2027-01-15 08:00 UTC");
        assert_eq!(format_iso(1_800_000_059), "2027-01-15T08:00:59Z");
    }
}
