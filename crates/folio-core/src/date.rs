//! Post dates: `YYYY-MM-DD` or an RFC 3339 date-time, parsed once and ordered by value.

use std::cmp::Ordering;
use std::fmt;

/// A validated post date. Ordered by the instant it names (date-only values count as
/// midnight UTC), so `2024-07-12T23:00:00-05:00` sorts after `2024-07-13`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostDate {
    year: u16,
    month: u8,
    day: u8,
    /// Seconds since 1970-01-01T00:00:00Z: ordering, and scheduled posts.
    instant: i64,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PostDate {
    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time (`2024-07-12T09:30:00Z`,
    /// `2024-07-12T09:30:00.5+02:00`). Returns `None` for anything else, including
    /// impossible dates such as `2023-02-29`.
    pub fn parse(text: &str) -> Option<PostDate> {
        let bytes = text.as_bytes();
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = digits(text.get(0..4)?)? as u16;
        let month = digits(text.get(5..7)?)? as u8;
        let day = digits(text.get(8..10)?)? as u8;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let mut instant = days_from_civil(year, month, day) * 86_400;
        let rest = text.get(10..)?;
        if !rest.is_empty() {
            instant += parse_time(rest)?;
        }
        Some(PostDate {
            year,
            month,
            day,
            instant,
        })
    }

    /// From a year, month and day; `None` when that day does not exist.
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Option<PostDate> {
        PostDate::parse(&format!("{year:04}-{month:02}-{day:02}"))
    }

    /// The calendar date as written, `YYYY-MM-DD`, for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as a person reads it: `Apr 7, 2025`.
    pub fn human(&self) -> String {
        let month = MONTHS[usize::from(self.month - 1)];
        format!("{month} {}, {}", self.day, self.year)
    }

    /// Seconds since 1970-01-01T00:00:00Z (a date alone counts as its midnight UTC).
    pub fn unix_seconds(&self) -> i64 {
        self.instant
    }

    /// The instant as an RFC 3339 UTC date-time, for Atom and JSON Feed and sitemaps:
    /// `2024-07-12T07:30:00Z`.
    pub fn rfc3339(&self) -> String {
        let (year, month, day, seconds) = self.utc();
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }

    /// The instant as an RFC 2822 date, for RSS: `Fri, 12 Jul 2024 07:30:00 +0000`.
    pub fn rfc2822(&self) -> String {
        const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        let (year, month, day, seconds) = self.utc();
        let weekday =
            WEEKDAYS[usize::try_from(self.instant.div_euclid(86_400).rem_euclid(7)).unwrap_or(0)];
        let month_name = MONTHS[usize::from(month).saturating_sub(1) % 12];
        format!(
            "{weekday}, {day:02} {month_name} {year:04} {:02}:{:02}:{:02} +0000",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }

    /// (year, month, day, seconds into the day) of the instant in UTC.
    fn utc(&self) -> (i64, u8, u8, i64) {
        let days = self.instant.div_euclid(86_400);
        let seconds = self.instant.rem_euclid(86_400);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        (
            year,
            u8::try_from(month).unwrap_or(1),
            u8::try_from(day).unwrap_or(1),
            seconds,
        )
    }

    /// The year, for archive grouping.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl fmt::Display for PostDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl PartialOrd for PostDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PostDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant.cmp(&other.instant).then_with(|| {
            (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
        })
    }
}

/// Parses a run of ASCII digits (no sign, no spaces).
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Parses the `THH:MM:SS[.frac](Z|±HH:MM)` tail of an RFC 3339 date-time into seconds
/// after midnight UTC (negative or past a day when the offset crosses midnight).
fn parse_time(rest: &str) -> Option<i64> {
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let bytes = rest.as_bytes();
    if bytes.len() < 8 || bytes[2] != b':' || bytes[5] != b':' {
        return None;
    }
    let hour = digits(rest.get(0..2)?)?;
    let minute = digits(rest.get(3..5)?)?;
    let second = digits(rest.get(6..8)?)?;
    // 60 allows a leap second, as RFC 3339 does.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut zone = rest.get(8..)?;
    if let Some(fraction) = zone.strip_prefix('.') {
        let n_digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n_digits == 0 {
            return None;
        }
        zone = fraction.get(n_digits..)?;
    }
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if zone.len() != 6 || zone.as_bytes()[3] != b':' {
                return None;
            }
            let offset_hours = digits(zone.get(1..3)?)?;
            let offset_minutes = digits(zone.get(4..6)?)?;
            if offset_hours > 23 || offset_minutes > 59 {
                return None;
            }
            sign * i64::from(offset_hours * 3600 + offset_minutes * 60)
        }
    };
    Some(i64::from(hour * 3600 + minute * 60 + second) - offset)
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: u16, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: Option<(&str, &str)>) {
        let got = PostDate::parse(text).map(|date| (date.iso(), date.human()));
        let expect = expect.map(|(iso, human)| (iso.to_string(), human.to_string()));
        assert_eq!(got, expect, "input: {text:?}");
    }

    #[test]
    fn parses_dates_and_date_times() {
        check("2025-04-07", Some(("2025-04-07", "Apr 7, 2025")));
        check("2024-02-29", Some(("2024-02-29", "Feb 29, 2024")));
        check("2000-02-29", Some(("2000-02-29", "Feb 29, 2000")));
        check("2024-12-31T23:59:60Z", Some(("2024-12-31", "Dec 31, 2024")));
        check(
            "2024-07-12T09:30:00+02:00",
            Some(("2024-07-12", "Jul 12, 2024")),
        );
        check(
            "2024-07-12T09:30:00.123-05:30",
            Some(("2024-07-12", "Jul 12, 2024")),
        );
        check("2024-07-12t09:30:00z", Some(("2024-07-12", "Jul 12, 2024")));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "2024",
            "2024-13-01",
            "2024-00-10",
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-01T",
            "2024-01-01T25:00:00Z",
            "2024-01-01T10:00:00",
            "2024-01-01T10:00:00+2",
            "2024-01-01T10:00:00.Z",
            "2024-01-01 extra",
            "+024-01-01",
            "２０２４-01-01",
            "July 4, 2024",
        ] {
            check(text, None);
        }
    }

    #[test]
    fn orders_by_instant() {
        let parse = |text| PostDate::parse(text).unwrap();
        assert!(parse("2024-07-13") > parse("2024-07-12"));
        assert!(parse("2024-07-12T10:00:00Z") > parse("2024-07-12"));
        assert!(parse("2024-07-12T23:00:00-05:00") > parse("2024-07-13"));
        assert!(parse("2025-01-01") > parse("2024-12-31T23:59:59Z"));
        assert_eq!(
            parse("2024-07-12").cmp(&parse("2024-07-12")),
            Ordering::Equal
        );
    }

    #[test]
    fn feed_formats() {
        let date = PostDate::parse("2024-07-12T09:30:00+02:00").unwrap();
        assert_eq!(date.rfc3339(), "2024-07-12T07:30:00Z");
        assert_eq!(date.rfc2822(), "Fri, 12 Jul 2024 07:30:00 +0000");
        let date = PostDate::parse("2024-01-01T01:00:00+03:00").unwrap();
        assert_eq!(date.rfc3339(), "2023-12-31T22:00:00Z");
        assert_eq!(
            PostDate::parse("2000-02-29").unwrap().rfc2822(),
            "Tue, 29 Feb 2000 00:00:00 +0000"
        );
    }

    #[test]
    fn days_from_civil_matches_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
    }
}
