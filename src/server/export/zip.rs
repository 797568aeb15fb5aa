//! A ZIP archive written in memory: deflated entries, UTF-8 names, no encryption, no ZIP64
//! (an export is far below 4 GiB). Enough of APPNOTE 6.3 for every unzip program; `flate2` and
//! `crc32fast` are already in the dependency tree through tower-http's compression.

use std::io::Write as _;

use flate2::Compression;
use flate2::write::DeflateEncoder;

/// Entries are added in order; `finish` returns the archive's bytes.
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    /// MS-DOS time and date of every entry (the export's moment).
    dos_time: u16,
    dos_date: u16,
}

#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    #[error("the export is too large for one archive")]
    TooLarge,
    #[error("compressing the export failed: {0}")]
    Io(#[from] std::io::Error),
}

impl ZipWriter {
    /// `at`: unix seconds, stamped on every entry.
    pub fn new(at: i64) -> ZipWriter {
        let (dos_time, dos_date) = dos_datetime(at);
        ZipWriter {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
            dos_time,
            dos_date,
        }
    }

    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), ZipError> {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data)?;
        let compressed = encoder.finish()?;
        let crc = crc32fast::hash(data);
        let size = u32::try_from(data.len()).map_err(|_| ZipError::TooLarge)?;
        let csize = u32::try_from(compressed.len()).map_err(|_| ZipError::TooLarge)?;
        let offset = u32::try_from(self.out.len()).map_err(|_| ZipError::TooLarge)?;
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::TooLarge)?;
        self.entries = self.entries.checked_add(1).ok_or(ZipError::TooLarge)?;

        // Local file header.
        let out = &mut self.out;
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0 (deflate)
        out.extend_from_slice(&0x0800u16.to_le_bytes()); // flags: the name is UTF-8
        out.extend_from_slice(&8u16.to_le_bytes()); // deflate
        out.extend_from_slice(&self.dos_time.to_le_bytes());
        out.extend_from_slice(&self.dos_date.to_le_bytes());
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&csize.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // no extra field
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&compressed);

        // Its central directory record.
        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0
        c.extend_from_slice(&20u16.to_le_bytes()); // needed: 2.0
        c.extend_from_slice(&0x0800u16.to_le_bytes());
        c.extend_from_slice(&8u16.to_le_bytes());
        c.extend_from_slice(&self.dos_time.to_le_bytes());
        c.extend_from_slice(&self.dos_date.to_le_bytes());
        c.extend_from_slice(&crc.to_le_bytes());
        c.extend_from_slice(&csize.to_le_bytes());
        c.extend_from_slice(&size.to_le_bytes());
        c.extend_from_slice(&name_len.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes()); // extra
        c.extend_from_slice(&0u16.to_le_bytes()); // comment
        c.extend_from_slice(&0u16.to_le_bytes()); // disk
        c.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        c.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        Ok(())
    }

    pub fn finish(mut self) -> Result<Vec<u8>, ZipError> {
        let offset = u32::try_from(self.out.len()).map_err(|_| ZipError::TooLarge)?;
        let size = u32::try_from(self.central.len()).map_err(|_| ZipError::TooLarge)?;
        self.out.extend_from_slice(&self.central);
        let out = &mut self.out;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // this disk
        out.extend_from_slice(&0u16.to_le_bytes()); // the directory's disk
        out.extend_from_slice(&self.entries.to_le_bytes());
        out.extend_from_slice(&self.entries.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // no comment
        Ok(self.out)
    }
}

/// Unix seconds as MS-DOS (time, date), UTC; before 1980 becomes 1980-01-01.
fn dos_datetime(at: i64) -> (u16, u16) {
    let (year, month, day, secs) = super::civil(at);
    if !(1980..=2107).contains(&year) {
        return (0, (1 << 5) | 1);
    }
    let time = ((secs / 3600) << 11) | (((secs % 3600) / 60) << 5) | ((secs % 60) / 2);
    let date = ((year - 1980) << 9) | (month << 5) | day;
    (time as u16, date as u16)
}

/// Reads an archive this module wrote, for tests: (name, contents) in order. Only what
/// `ZipWriter` produces (deflate, no data descriptors) is understood.
pub fn read_for_tests(zip: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    use std::io::Read as _;
    let u16_at =
        |i: usize| -> Option<u16> { Some(u16::from_le_bytes(zip.get(i..i + 2)?.try_into().ok()?)) };
    let u32_at =
        |i: usize| -> Option<u32> { Some(u32::from_le_bytes(zip.get(i..i + 4)?.try_into().ok()?)) };
    let end = zip.len().checked_sub(22)?;
    if u32_at(end)? != 0x0605_4b50 {
        return None;
    }
    let count = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)? as usize;
    let mut files = Vec::new();
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return None;
        }
        let crc = u32_at(at + 16)?;
        let csize = u32_at(at + 20)? as usize;
        let name_len = u16_at(at + 28)? as usize;
        let extra = u16_at(at + 30)? as usize;
        let comment = u16_at(at + 32)? as usize;
        let local = u32_at(at + 42)? as usize;
        let name = String::from_utf8(zip.get(at + 46..at + 46 + name_len)?.to_vec()).ok()?;
        let data_at = local + 30 + u16_at(local + 26)? as usize + u16_at(local + 28)? as usize;
        let mut data = Vec::new();
        flate2::read::DeflateDecoder::new(zip.get(data_at..data_at + csize)?)
            .read_to_end(&mut data)
            .ok()?;
        if crc32fast::hash(&data) != crc {
            return None;
        }
        files.push((name, data));
        at += 46 + name_len + extra + comment;
    }
    Some(files)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_reads_back_whole() {
        let mut zip = ZipWriter::new(1_800_000_000);
        zip.add("caseroom-export/account.json", b"{\"a\":1}")
            .expect("add");
        let big = "Välkommen, 🙂 ".repeat(10_000);
        zip.add("caseroom-export/index.html", big.as_bytes())
            .expect("add");
        zip.add("empty.txt", b"").expect("add");
        let bytes = zip.finish().expect("finish");
        assert!(bytes.len() < big.len() / 10, "deflated");
        let files = read_for_tests(&bytes).expect("readable");
        assert_eq!(files.len(), 3);
        assert_eq!(
            files[0],
            ("caseroom-export/account.json".into(), b"{\"a\":1}".to_vec())
        );
        assert_eq!(files[1].1, big.as_bytes());
        assert_eq!(files[2].1, b"");
    }

    #[test]
    fn dos_dates_are_civil_dates() {
        // 2027-01-15 08:00:00 UTC
        let (time, date) = dos_datetime(1_800_000_000);
        assert_eq!(date >> 9, 2027 - 1980);
        assert_eq!((date >> 5) & 0xf, 1);
        assert_eq!(date & 0x1f, 15);
        assert_eq!(time >> 11, 8);
        assert_eq!(dos_datetime(0), (0, (1 << 5) | 1));
    }
}
