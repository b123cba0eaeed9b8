//! State of the asset services: the text documents TEA serves (`/api/1/authoring`). Similarity
//! search, video streaming links and transformations are computed from the assets themselves.

use serde_json::json;

use super::State;
use super::automation::new_rfc_id;

/// One TEA text document.
#[derive(Debug, Clone)]
pub struct Document {
    /// RFC 4122 id, lower case.
    pub id: String,
    /// The group it belongs to.
    pub group_id: String,
    /// Its paragraphs, in order.
    pub paragraphs: Vec<String>,
}

impl Document {
    /// The ProseMirror document, as the JSON text the definition's `string` type asks for.
    pub fn prosemirror(&self) -> String {
        let content: Vec<_> = self
            .paragraphs
            .iter()
            .map(|p| json!({"type": "paragraph", "content": [{"type": "text", "text": p}]}))
            .collect();
        json!({"type": "doc", "content": content}).to_string()
    }

    /// The same content as HTML (paragraph text is plain, so only `&<>` need escaping).
    pub fn html(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| {
                let text = p
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                format!("<p>{text}</p>")
            })
            .collect()
    }
}

/// What the asset services read.
#[derive(Debug, Clone, Default)]
pub struct AssetServices {
    /// TEA documents.
    pub documents: Vec<Document>,
}

impl AssetServices {
    /// The ids of the seeded documents (for tests).
    pub fn document_ids(&self) -> Vec<String> {
        self.documents.iter().map(|d| d.id.clone()).collect()
    }
}

/// Texts of the seeded documents: (group, paragraphs).
const DOCUMENTS: &[(&str, &[&str])] = &[
    (
        "brand_guidelines",
        &[
            "Our logo is always shown on a calm background.",
            "Leave clear space of at least the height of the logo's x on every side.",
        ],
    ),
    (
        "brand_guidelines",
        &["Use the primary palette for headlines & calls to action."],
    ),
    (
        "product_copy",
        &[
            "The new range is made from recycled materials.",
            "Available in three sizes from spring.",
        ],
    ),
];

/// Seeds the TEA documents.
pub fn seed(state: &mut State) {
    let mut documents = Vec::new();
    for (group, paragraphs) in DOCUMENTS {
        documents.push(Document {
            id: new_rfc_id(state),
            group_id: (*group).to_string(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_string()).collect(),
        });
    }
    state.asset_services.documents = documents;
}
