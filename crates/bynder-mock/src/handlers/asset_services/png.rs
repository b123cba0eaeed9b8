//! A PNG of one colour at any size, small at every size: the rows are filtered so that all
//! bytes but the first pixel are zero, and the zeros are deflated as back-references with the
//! fixed Huffman code. Written here because the mock has no image or zlib crate, and these
//! few lines are all a solid image needs.

/// The PNG file of a `width` x `height` image filled with `rgb`.
pub fn solid(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // 8 bits per sample, truecolour, deflate, adaptive filtering, no interlace.
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib(width, height, rgb));
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The zlib stream of the filtered rows: row 0 with filter Sub (`1, r, g, b, 0...`), every
/// other row with filter Up (`2, 0...`).
fn zlib(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let mut d = Deflater::default();
    d.bits.out.extend_from_slice(&[0x78, 0x01]);
    d.bits.put(1, 1); // last block
    d.bits.put(1, 2); // fixed Huffman codes
    let row = 3 * u64::from(width);
    for byte in [1, rgb[0], rgb[1], rgb[2]] {
        d.literal(byte);
    }
    d.zeros(row - 3);
    for _ in 1..height {
        d.literal(2);
        d.zeros(row);
    }
    d.bits.put_code(0, 7); // end of block
    d.bits.flush();
    let adler = (d.b << 16) | d.a;
    let mut out = d.bits.out;
    out.extend_from_slice(&(adler as u32).to_be_bytes());
    out
}

/// Base lengths and extra bits of the length symbols 257..=285 (RFC 1951 §3.2.5).
const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];

/// Deflates a byte sequence given as literals and runs of zeros, keeping its Adler-32.
struct Deflater {
    bits: Bits,
    a: u64,
    b: u64,
}

impl Default for Deflater {
    fn default() -> Deflater {
        Deflater {
            bits: Bits::default(),
            a: 1,
            b: 0,
        }
    }
}

impl Deflater {
    fn literal(&mut self, byte: u8) {
        let byte32 = u32::from(byte);
        if byte <= 143 {
            self.bits.put_code(0x30 + byte32, 8);
        } else {
            self.bits.put_code(0x190 + byte32 - 144, 9);
        }
        self.a = (self.a + u64::from(byte)) % 65521;
        self.b = (self.b + self.a) % 65521;
    }

    /// `n` zero bytes: one literal, then copies of the byte before (distance 1).
    fn zeros(&mut self, mut n: u64) {
        self.b = (self.b + self.a * (n % 65521)) % 65521;
        if n == 0 {
            return;
        }
        self.literal_zero();
        n -= 1;
        while n >= 3 {
            let len = n.min(258) as u16;
            self.copy(len);
            n -= u64::from(len);
        }
        for _ in 0..n {
            self.literal_zero();
        }
    }

    /// A zero literal whose checksum `zeros` has already counted.
    fn literal_zero(&mut self) {
        self.bits.put_code(0x30, 8);
    }

    /// A back-reference of `len` (3..=258) bytes at distance 1.
    fn copy(&mut self, len: u16) {
        let index = LENGTH_BASE
            .iter()
            .rposition(|&base| base <= len)
            .unwrap_or(0);
        let symbol = 257 + index as u32;
        if symbol <= 279 {
            self.bits.put_code(symbol - 256, 7);
        } else {
            self.bits.put_code(0xC0 + symbol - 280, 8);
        }
        let extra = LENGTH_EXTRA[index];
        if extra > 0 {
            self.bits
                .put(u32::from(len - LENGTH_BASE[index]), u32::from(extra));
        }
        self.bits.put_code(0, 5); // distance code 0: distance 1
    }
}

/// Bits written least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    count: u32,
}

impl Bits {
    fn put(&mut self, value: u32, n: u32) {
        self.acc |= u64::from(value) << self.count;
        self.count += n;
        while self.count >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code, whose bits go most significant first.
    fn put_code(&mut self, code: u32, n: u32) {
        let reversed = code.reverse_bits() >> (32 - n);
        self.put(reversed, n);
    }

    fn flush(&mut self) {
        if self.count > 0 {
            self.out.push(self.acc as u8);
            self.acc = 0;
            self.count = 0;
        }
    }
}
