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
    use super::{format_date, format_iso, format_minute};

    #[test]
    fn dates_format_in_utc() {
        assert_eq!(format_date(0), "1 Jan 1970");
        assert_eq!(format_date(1_800_000_000), "15 Jan 2027");
        assert_eq!(format_date(951_782_400), "29 Feb 2000");
        assert_eq!(format_minute(1_800_000_000), "2027-01-15 08:00 UTC");
        assert_eq!(format_iso(1_800_000_059), "2027-01-15T08:00:59Z");
    }
}
