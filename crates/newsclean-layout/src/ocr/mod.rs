//! Repairs of what OCR does to a page.

pub mod dash;
pub mod doubled;
