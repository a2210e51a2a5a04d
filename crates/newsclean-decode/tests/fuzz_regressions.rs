//! Inputs found by `cargo xtask fuzz` (target decode), minimized, each pinned by what it
//! showed. The fuzz target checks that decoding is idempotent: the decoded text, decoded
//! again as the UTF-8 it now is, comes back unchanged (`clean(clean(x)) == clean(x)` starts
//! here).

use newsclean_decode::{DecodeOptions, decode};

fn decode_twice(bytes: &[u8]) -> (String, String) {
    let opts = DecodeOptions::default();
    let first = decode(bytes, &opts).expect("the first decode reads it").text;
    let again = decode(first.as_bytes(), &opts).unwrap_or_else(|e| panic!("{first:?} refused: {e}")).text;
    (first, again)
}

#[test]
fn decoded_text_starting_gif89a_is_not_refused_as_a_gif_when_decoded_again() {
    let (first, again) = decode_twice(b"\x01GIF89a");
    assert_eq!(first, "GIF89a");
    assert_eq!(again, first);
}

#[test]
fn decoded_text_with_ftyp_at_byte_4_is_not_refused_as_mp4_when_decoded_again() {
    let (first, again) = decode_twice(b"?\x8a\nftyp\xe7");
    assert!(first.contains("ftyp"), "{first:?}");
    assert_eq!(again, first);
}

/// Found by `cargo xtask fuzz` (target decode). `c8 0e aa 3b` is not UTF-8; read as
/// windows-1252 it is `È\x0eª;`, and only after normalisation removed the control `\x0e` did
/// `Èª` look like the windows-1252 reading of the UTF-8 of `Ȫ`, which a second decode then
/// repaired. Mojibake runs now go on across such controls (set aside, then removed and
/// reported by normalisation as before), so one decode repairs it.
#[test]
fn mojibake_split_by_a_removed_control_is_repaired_in_one_decode() {
    let (first, again) = decode_twice(b"\xc8\x0e\xaa;");
    assert_eq!(again, first);
}

/// Found by `cargo xtask fuzz` (target decode): `15 15 15 15 %PDF- …` is not a PDF at byte 0,
/// but once the control bytes are removed the text starts `%PDF-`, which a second decode
/// refused. Such a file is refused the first time, as it is once decoded; the same for a BOM
/// in front.
#[test]
fn a_pdf_signature_behind_removed_control_bytes_is_refused_at_once() {
    let opts = DecodeOptions::default();
    let artifact = [b"\x15\x15%PDF-".as_slice(), &[b'i'; 60]].concat();
    for bytes in [&artifact[..], b"\xef\xbb\xbf%PDF-1.7 text", b"\x05%PDF-iiiiiiiiiiiiiiiiiiiiiiiiiiii"] {
        let err = decode(bytes, &opts).expect_err("starts like a PDF once decoded");
        assert!(err.to_string().contains("PDF"), "{err}");
    }
    // A page that only mentions the format stays text.
    assert!(decode("关于%PDF-1.7格式的说明".as_bytes(), &opts).is_ok());
}

/// Found by the facade's property test with a random seed: `c3 98 0a 81 01 41 9a 41`, read
/// as windows-1252, is `Ã˜` (the mojibake of `Ø`), a C1 control, a C0 control and `AšA`.
/// The run holding the control counted against the repair the first time; once the controls
/// were removed, a second decode repaired `Ã˜`. Removable characters no longer count.
#[test]
fn controls_do_not_count_against_a_mojibake_repair() {
    let (first, again) = decode_twice(b"\xc3\x98\n\x81\x01A\x9aA");
    assert_eq!(first, "Ø\nAšA");
    assert_eq!(again, first);
}

/// Found by `cargo xtask fuzz` (target decode): the UTF-8 of `期₀`, a stray byte `9d`, the
/// UTF-8 of `的管`, then ASCII with one more stray byte. Not UTF-8, so read as windows-1252:
/// `æœŸâ‚€` U+009D `çš„ç®¡`. The run did not undo whole (the stray byte), normalisation then
/// removed U+009D, and a second decode repaired the run. The removable character is now set
/// aside and the rest repaired at once.
#[test]
fn a_stray_control_inside_mojibake_does_not_block_its_repair() {
    let mut bytes = "期₀".as_bytes().to_vec();
    bytes.push(0x9d);
    bytes.extend_from_slice("的管2222ssssss".as_bytes());
    bytes.push(0x8c);
    bytes.extend_from_slice(b"sssss22222");
    let (first, again) = decode_twice(&bytes);
    assert!(first.starts_with("期₀的管"), "{first:?}");
    assert_eq!(again, first);
}
