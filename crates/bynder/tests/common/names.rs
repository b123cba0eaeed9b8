//! Name spellings the tests derive, as serde and the faces spell them.

/// `download_location` -> `downloadLocation`, as serde's `rename_all = "camelCase"`.
pub fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
