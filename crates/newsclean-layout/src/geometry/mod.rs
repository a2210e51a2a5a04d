//! Geometry: columns and lines as extraction printed them, read into one column of lines.

pub mod columns;
pub mod fused;
pub mod lines;
