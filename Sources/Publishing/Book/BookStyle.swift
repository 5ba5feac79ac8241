/// The book's stylesheet: screen reading and A4 print with a page per chapter.
enum BookStyle {
    static func css(runningHead: String) -> String {
        let head = runningHead.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """

        :root { --ink: #1d1d1f; --muted: #666; --rule: #c9c9c9; --accent: #8a1c14; }
        html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; color: var(--ink); line-height: 1.5; }
        body { max-width: 180mm; margin: 0 auto; padding: 12mm 8mm; font-size: 10.5pt; }
        h1, h2, h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        a { color: inherit; }
        .title-page { text-align: center; padding-top: 60mm; min-height: 200mm; }
        .title-page h1 { font-size: 30pt; letter-spacing: 0.2em; margin: 8mm 0; }
        .title-page .series { color: var(--muted); letter-spacing: 0.3em; }
        .title-page .region, .title-page .asof { font-size: 14pt; }
        .title-page .figures { margin-top: 20mm; }
        .title-page .sources, .title-page .generated { color: var(--muted); font-size: 9pt; margin-top: 30mm; }
        .contents ol { columns: 2; column-gap: 10mm; padding-left: 1.5em; }
        .contents li { break-inside: avoid; }
        .contents .count { color: var(--muted); font-size: 9pt; }
        .chapter-head { border-bottom: 2px solid var(--accent); margin-bottom: 4mm; }
        .chapter-head .running { display: none; }
        .chapter-head .number { color: var(--accent); font-size: 11pt; margin-right: 0.5em; }
        .chapter-head .code { color: var(--muted); font-size: 11pt; font-weight: normal; }
        figure.map { float: right; margin: 0 0 4mm 6mm; width: 80mm; }
        figure.map svg { width: 100%; height: auto; border: 1px solid var(--rule); }
        figure.map figcaption { font-size: 8pt; color: var(--muted); }
        .entry { break-inside: avoid; border-bottom: 1px solid var(--rule); padding: 2mm 0; }
        .entry h3 { margin: 0 0 1mm; font-size: 12pt; }
        .entry.level-county h3 { font-size: 14pt; color: var(--accent); }
        .entry .pinyin { font-weight: normal; font-style: italic; color: var(--muted); margin-left: 0.4em; }
        .entry dl { display: grid; grid-template-columns: 4.5em 1fr; gap: 0.5mm 3mm; margin: 0; }
        .entry dt { color: var(--muted); }
        .entry dd { margin: 0; }
        .history { margin: 0; padding-left: 1.2em; }
        .history time { font-variant-numeric: tabular-nums; }
        .history .lineage { color: #444; }
        .history .tag { font-size: 8pt; border: 1px solid var(--rule); padding: 0 0.3em; }
        .history .document { color: var(--accent); white-space: nowrap; }
        .index-list { columns: 2; column-gap: 8mm; list-style: none; padding: 0; font-size: 9pt; }
        .index-list .letter { font-weight: bold; font-size: 12pt; margin-top: 2mm; break-after: avoid; }
        .index-list .index-entry { break-inside: avoid; }
        .index-list .where { color: var(--muted); }
        /* index.html#view-CODE: that chapter alone. */
        body:has(.view:target) > :not(:has(> .view:target)) { display: none; }
        @page { size: A4; margin: 20mm 16mm 18mm 16mm;
          @top-center { content: "\(head)"; font-size: 8pt; color: #666; }
          @bottom-center { content: counter(page); font-size: 8pt; color: #666; } }
        @page :first { @top-center { content: none; } @bottom-center { content: none; } }
        @media print {
          body { max-width: none; margin: 0; padding: 0; }
          .title-page { break-after: page; min-height: 0; padding-top: 50mm; }
          .contents { break-after: page; }
          .chapter, .index { break-before: page; }
          a { text-decoration: none; }
        }

        """
    }
}
