//! The rule language: YAML rule files, built-in profiles, and rules applied as a pass.
#![deny(clippy::print_stdout, clippy::print_stderr)]

use newsclean_core::Pass;

/// The name of the default profile.
pub const DEFAULT_PROFILE: &str = "zh-newspaper";

/// The rule passes of a built-in profile.
pub fn profile_passes(_name: &str) -> Vec<Box<dyn Pass>> {
    Vec::new()
}
