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

/// A fresh certificate for `127.0.0.1`, `::1` and `localhost`. Its subject name is unique per
/// portal: OpenSSL refuses a bundle holding two self-signed certificates with the same subject,
/// which happens when a test trusts several mock portals at once.
pub fn self_signed() -> std::io::Result<SelfSigned> {
    let names = vec![
        "127.0.0.1".to_string(),
        "::1".to_string(),
        "localhost".to_string(),
    ];
    let mut params = rcgen::CertificateParams::new(names).map_err(std::io::Error::other)?;
    let mut subject = rcgen::DistinguishedName::new();
    subject.push(
        rcgen::DnType::CommonName,
        format!("bynder-mock {}", uuid::Uuid::new_v4().simple()),
    );
    params.distinguished_name = subject;
    let key = rcgen::KeyPair::generate().map_err(std::io::Error::other)?;
    let cert = params.self_signed(&key).map_err(std::io::Error::other)?;
    Ok(SelfSigned {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
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
        assert_ne!(self_signed().unwrap().cert_pem, pair.cert_pem);
    }
}
