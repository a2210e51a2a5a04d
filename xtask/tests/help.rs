//! `cargo xtask --help` lists the tasks, a line each (issue 20, item 13).

use std::process::Command;

#[test]
fn help_lists_every_task_a_line_each() {
    for flag in ["--help", "-h", "help"] {
        let o = Command::new(env!("CARGO_BIN_EXE_xtask")).arg(flag).output().unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{flag}: {}", String::from_utf8_lossy(&o.stderr));
        for task in
            ["eval", "codegen", "bench", "bench-rules", "floor", "spark", "fuzz", "learn-eval", "realpages"]
        {
            let line = out.lines().find(|l| l.split_whitespace().next() == Some(task));
            assert!(
                line.is_some_and(|l| l.split_whitespace().count() > 2),
                "{flag}: no line for {task}:\n{out}"
            );
        }
    }
    let o = Command::new(env!("CARGO_BIN_EXE_xtask")).arg("nosuch").output().unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("codegen"), "an unknown task lists the tasks");
}
