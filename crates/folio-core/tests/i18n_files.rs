//! The word lists the demo build ships (`public/i18n/CODE.txt`, copied by Trunk) are the
//! built-in tables in text form. After changing a table, rewrite them with
//! `FOLIO_WRITE_I18N=1 cargo test -p folio-core --test i18n_files`.
#![cfg(feature = "translations")]

use std::path::Path;

use folio_core::i18n::Lang;

#[test]
fn shipped_word_lists_match_the_tables() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/i18n");
    for lang in Lang::ALL.into_iter().filter(|lang| *lang != Lang::En) {
        let path = folder.join(format!("{}.txt", lang.code()));
        let expected = lang.strings().to_text();
        if std::env::var_os("FOLIO_WRITE_I18N").is_some() {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(&path, &expected).unwrap();
        }
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == expected,
            "{} is out of date: run FOLIO_WRITE_I18N=1 cargo test -p folio-core --test i18n_files",
            path.display()
        );
    }
}
