//! Structured text is never restructured (issue 20, item 4): a Markdown file, by its name or
//! by its content, is refused with a message naming the evidence and left byte-identical,
//! `--in-place` included; a newspaper page beside it is cleaned as before.

mod common;

use std::fs;

use common::*;

/// A realistic README: prose, lists, a block quote, fenced code with shell quotes, indented
/// code and a table.
const README: &str = r#"# Install notes

This tool cleans text. It was written for newspapers
and works on most pages.

- first item of the list
- second item, with `code`
  continued on a second line
1. numbered one
2. numbered two

> A quoted line that is "important".
> The quote goes on here.

```sh
echo "hello world" | grep 'hello'
cd /tmp && ls -la
```

    indented code with "quotes" and 'single'
    second line of the block

| name | value |
| ---- | ----- |
| a    | "x"   |

Final paragraph with "quotes" here.
"#;

const README_ZH: &str = "# 安装说明\n\n本工具用于清理文本，\n适用于大多数页面。\n\n- 第一项 内容\n- 第二项,说明\n\n> 引用 \"重要\" 内容\n\n```\necho \"你好\" | grep \"你\"\n```\n";

#[test]
fn markdown_is_refused_and_left_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    // By content (a .txt that is Markdown), and by name (a .md holding prose only, whose
    // blank lines would be dropped).
    let cases = [
        ("readme.txt", README, "fenced code block"),
        ("readme-zh.txt", README_ZH, "fenced code block"),
        ("prose.md", "One paragraph.\n\nAnother paragraph, \"quoted\".\n", "a .md file"),
    ];
    for (name, text, why) in cases {
        fs::write(tmp.path().join(name), text).unwrap();
        let o = run(tmp.path(), &["clean", "--in-place", name]);
        assert_eq!(code(&o), 2, "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains("Markdown") && err.contains(why), "{err}");
        assert_eq!(fs::read_to_string(tmp.path().join(name)).unwrap(), text, "{name} is untouched");
        let o = run(tmp.path(), &["clean", name]);
        assert_eq!(code(&o), 2);
        assert!(o.stdout.is_empty(), "no damaged text on stdout");
        let o = run(tmp.path(), &["explain", name]);
        assert_eq!(code(&o), 2);
        assert!(stderr(&o).contains("Markdown"), "{}", stderr(&o));
    }
    // A seed page beside them is cleaned as before.
    let (seed, bytes) = seeds().into_iter().next().unwrap();
    fs::write(tmp.path().join(&seed), &bytes).unwrap();
    let o = run(tmp.path(), &["clean", &seed]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(String::from_utf8(o.stdout).unwrap(), expected_clean(&bytes));
}
