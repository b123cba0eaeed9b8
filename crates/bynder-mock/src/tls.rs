//! The self-signed certificate of the HTTPS listener. The official Python SDK only speaks
//! https (`reference/official-sdks.md` §6), so clients trust this certificate explicitly.

/// A certificate and its private key, both PEM.
#[derive(Debug, Clone)]
pub struct SelfSigned {
    /// The certificate (what clients add as a trusted root).
    pub cert_pem: String,
    /// The private key.
    pub key_pem: String,
}

/// A fresh certificate for `127.0.0.1`, `::1` and `localhost`.
pub fn self_signed() -> std::io::Result<SelfSigned> {
    let names = vec![
        "127.0.0.1".to_string(),
        "::1".to_string(),
        "localhost".to_string(),
    ];
    let certified = rcgen::generate_simple_self_signed(names).map_err(std::io::Error::other)?;
    Ok(SelfSigned {
        cert_pem: certified.cert.pem(),
        key_pem: certified.signing_key.serialize_pem(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_and_key_are_pem() {
        let pair = self_signed().unwrap();
        assert!(pair.cert_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        assert!(pair.key_pem.contains("PRIVATE KEY-----"));
    }
}
