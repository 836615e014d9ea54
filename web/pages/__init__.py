"""HTML pages for officials: forms, lists, timelines."""
