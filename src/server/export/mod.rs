//! The shapes a member's export is written in: a ZIP archive (`zip`) holding JSON and one
//! readable HTML page (`html`). What goes in is decided by `services::export`.

pub mod html;
pub mod zip;

/// Unix seconds as (year, month, day, seconds into the day), UTC: Howard Hinnant's
/// days-to-civil algorithm, so no date crate is needed for two timestamps.
pub fn civil(at: i64) -> (i64, i64, i64, i64) {
    let days = at.div_euclid(86_400);
    let secs = at.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, secs)
}
