"""Interface labels in English and Traditional Chinese (Hong Kong usage).

Only the interface is translated here; answers already follow the language the person writes in.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "zh"]

LANGUAGE_CHOICES: list[tuple[str, Lang]] = [("English", "en"), ("繁體中文", "zh")]

# Example prompts shown under the chat: the same in both interface languages, because crews mix them.
EXAMPLE_PROMPTS: tuple[str, ...] = (
    "Which scenes are on the rooftop at night?",
    "劉督察喺邊幾場出現？",
    "幫我出第七場嘅分鏡表",
    "Plan the shoot",
    "Check the subtitles",
)

LABELS: dict[str, dict[Lang, str]] = {
    "app_title": {"en": "Slate", "zh": "Slate 場記"},
    "tagline": {"en": "Production assistant", "zh": "製作助手"},
    "no_project": {"en": "No production yet", "zh": "未有製作"},
    "status_model": {"en": "Answers", "zh": "回答"},
    "status_documents": {"en": "documents", "zh": "份文件"},
    "status_document": {"en": "document", "zh": "份文件"},
    "status_scenes": {"en": "scenes", "zh": "場"},
    "status_empty": {
        "en": "no documents yet: add a script in Documents",
        "zh": "未有文件：請喺「文件」加入劇本",
    },
    "offline_planner": {"en": "offline planner (no language model)", "zh": "離線助手（冇用語言模型）"},
    "language": {"en": "Interface language", "zh": "介面語言"},
    "chat": {"en": "Chat", "zh": "對話"},
    "chat_placeholder": {
        "en": "Ask about the script, or ask for a shot list, a schedule or a subtitle check…",
        "zh": "問劇本嘅嘢，或者叫我出分鏡表、排期、檢查字幕……",
    },
    "chat_empty": {
        "en": "**Ask your production anything.**\nScenes, characters, locations, shot lists, schedules, subtitles.",
        "zh": "**問你嘅製作任何嘢。**\n場次、角色、場景、分鏡表、排期、字幕。",
    },
    "message": {"en": "Message", "zh": "訊息"},
    "tool": {"en": "Tool", "zh": "工具"},
    "new_chat": {"en": "New chat", "zh": "新對話"},
    "stop": {"en": "Stop", "zh": "停止"},
    "apply": {"en": "Apply", "zh": "套用"},
    "cancel": {"en": "Cancel", "zh": "取消"},
    "consent_applied": {"en": "Applied", "zh": "已套用"},
    "consent_failed": {"en": "That change could not be applied.", "zh": "呢個改動套用唔到。"},
    "consent_cancelled": {"en": "Not applied: nothing was changed.", "zh": "冇套用：冇任何資料被改動。"},
    "consent_none": {
        "en": "Nothing is waiting to be applied (a newer message replaced it).",
        "zh": "冇改動等緊套用（之後嘅訊息已經取代咗佢）。",
    },
    "conversations": {"en": "Earlier conversations", "zh": "之前嘅對話"},
    "examples": {"en": "Try", "zh": "試吓問"},
    "sources": {"en": "Sources (click to open)", "zh": "出處（撳一下打開）"},
    "tab_artifacts": {"en": "Tables & files", "zh": "表格及檔案"},
    "tab_source": {"en": "Source", "zh": "原文"},
    "tab_documents": {"en": "Documents", "zh": "文件"},
    "artifact_pick": {"en": "Result", "zh": "結果"},
    "artifacts_empty": {
        "en": "Tables, shot lists, stripboards and subtitle reports appear here as you chat.",
        "zh": "對話時，表格、分鏡表、排期板同字幕報告會喺呢度出現。",
    },
    "table": {"en": "Table", "zh": "表格"},
    "dood": {"en": "Day out of days", "zh": "演員出勤表（DOOD）"},
    "downloads": {"en": "Downloads", "zh": "下載"},
    "source_empty": {
        "en": "Click a source under the chat to read the cited scene or passage here.",
        "zh": "撳對話下面嘅出處，就可以喺呢度睇返引用嘅場次或段落。",
    },
    "project": {"en": "Project", "zh": "製作項目"},
    "project_info": {
        "en": "Pick a production, or type a new name and upload its files.",
        "zh": "揀一個製作，或者輸入新名再上載檔案。",
    },
    "upload": {
        "en": "Add files (script, notes, lists, plan, subtitles)",
        "zh": "加入檔案（劇本、筆記、名單、計劃、字幕）",
    },
    "documents_list": {"en": "Documents in this project", "zh": "項目入面嘅文件"},
    "ingest_added": {"en": "Added or updated", "zh": "已加入或更新"},
    "ingest_unchanged": {"en": "passages unchanged", "zh": "段未有改動"},
    "ingest_new_passages": {"en": "new passages", "zh": "段新內容"},
    "ingest_skipped": {"en": "Skipped", "zh": "略過"},
    "ingest_nothing": {"en": "No files were given.", "zh": "冇收到檔案。"},
    "ingesting": {"en": "Reading", "zh": "讀緊"},
    "transcribing": {"en": "Transcribing", "zh": "轉寫緊"},
    "col_file": {"en": "File", "zh": "檔案"},
    "col_type": {"en": "Type", "zh": "類型"},
    "col_details": {"en": "Details", "zh": "資料"},
    "col_added": {"en": "Added", "zh": "加入時間"},
    "col_reason": {"en": "Reason", "zh": "原因"},
    "err_unexpected": {
        "en": "Something went wrong on our side; the details were written to the server log.",
        "zh": "系統出咗問題，詳情已記錄喺伺服器日誌。",
    },
    "err_no_documents": {
        "en": "Project {project!r} has no documents yet: add its script in the Documents tab.",
        "zh": "項目「{project}」未有文件：請喺「文件」分頁加入劇本。",
    },
    "err_type": {
        "en": "{name}: Slate does not read this kind of file (it reads {allowed}).",
        "zh": "{name}：Slate 唔讀呢類檔案（可用：{allowed}）。",
    },
    "err_size": {
        "en": "{name}: larger than the {limit} MB upload limit.",
        "zh": "{name}：超過上載上限 {limit} MB。",
    },
    "err_unreadable": {
        "en": "{name}: Slate could not read this file; it may be damaged, or not the kind of file its name says.",
        "zh": "{name}：Slate 讀唔到呢個檔案，可能已經損壞，或者內容同副檔名唔夾。",
    },
    "err_no_whisper": {
        "en": "To make subtitles from sound, set SLATE_WHISPER_MODEL to the folder of a Whisper model "
        "in CTranslate2 format (model.bin, config.json, tokenizer.json) and restart Slate.",
        "zh": "要由聲音出字幕，請將 SLATE_WHISPER_MODEL 設為一個 CTranslate2 格式 Whisper 模型嘅資料夾"
        "（有 model.bin、config.json、tokenizer.json），再重新開 Slate。",
    },
    "transcript_ready": {
        "en": "{name}: a subtitle draft of {cues} cues is ready to download (Tables & files).",
        "zh": "{name}：已出咗 {cues} 句字幕初稿，可以喺「表格及檔案」下載。",
    },
    "err_empty_message": {"en": "Type a question first.", "zh": "請先輸入問題。"},
}

# Table headers people read (the CSV/XLSX downloads keep the field names, for other programs).
COLUMN_LABELS: dict[str, dict[Lang, str]] = {
    "number": {"en": "Sc.", "zh": "場"},
    "scene": {"en": "Sc.", "zh": "場"},
    "heading": {"en": "Heading", "zh": "場景標題"},
    "int_ext": {"en": "I/E", "zh": "內外"},
    "location": {"en": "Set", "zh": "場景"},
    "time_of_day": {"en": "Time", "zh": "日夜"},
    "characters": {"en": "Cast", "zh": "角色"},
    "page": {"en": "Page", "zh": "頁"},
    "pages": {"en": "Length", "zh": "長度"},
    "id": {"en": "Shot", "zh": "鏡號"},
    "size": {"en": "Size", "zh": "景別"},
    "angle": {"en": "Angle", "zh": "角度"},
    "movement": {"en": "Move", "zh": "運鏡"},
    "lens_mm": {"en": "Lens", "zh": "鏡頭"},
    "subjects": {"en": "On screen", "zh": "畫面人物"},
    "description": {"en": "Description", "zh": "內容"},
    "sound": {"en": "Sound", "zh": "收音"},
    "setup_minutes": {"en": "Setup min", "zh": "架設分鐘"},
    "notes": {"en": "Notes", "zh": "備註"},
    "cue": {"en": "Cue", "zh": "字幕"},
    "start": {"en": "Start", "zh": "開始"},
    "end": {"en": "End", "zh": "結束"},
    "code": {"en": "Issue", "zh": "問題"},
    "message": {"en": "Detail", "zh": "說明"},
    "file": {"en": "File", "zh": "檔案"},
    "lines": {"en": "Lines", "zh": "行"},
    "text": {"en": "Passage", "zh": "段落"},
    "score": {"en": "Score", "zh": "相關度"},
    "day": {"en": "Day", "zh": "拍攝日"},
    "date": {"en": "Date", "zh": "日期"},
    "scenes": {"en": "Scenes", "zh": "場次"},
    "hours": {"en": "Hours", "zh": "時數"},
    "locations": {"en": "Locations", "zh": "場景"},
    "company_moves": {"en": "Moves", "zh": "轉景"},
    "cast": {"en": "Cast", "zh": "角色"},
    "actor": {"en": "Actor", "zh": "演員"},
    "work_days": {"en": "Work", "zh": "開工日"},
    "hold_days": {"en": "Hold", "zh": "等候日"},
    "cost": {"en": "Cost", "zh": "成本"},
    "value": {"en": "", "zh": ""},
    "set": {"en": "Set", "zh": "場景"},
    "day_night": {"en": "D/N", "zh": "日夜"},
    "est_hours": {"en": "Hours", "zh": "時數"},
    "call": {"en": "Call", "zh": "到場"},
    "on_set": {"en": "On set", "zh": "埋位"},
    "elements": {"en": "Elements", "zh": "元素"},
    "name": {"en": "Name", "zh": "名稱"},
    "category": {"en": "Department", "zh": "部門"},
    "detail": {"en": "Detail", "zh": "說明"},
    "speeches": {"en": "Speeches", "zh": "對白"},
    "first_scene": {"en": "First", "zh": "首場"},
    "last_scene": {"en": "Last", "zh": "尾場"},
    "daily_rate": {"en": "Day rate", "zh": "日薪"},
    "synopsis": {"en": "Synopsis", "zh": "內容"},
    "status": {"en": "Status", "zh": "狀態"},
}

# Subtitle issue codes as a subtitler reads them in the Chinese interface (English keeps the code).
ISSUE_ZH: dict[str, str] = {
    "bad_timestamp": "時間碼錯誤",
    "overlap": "時間重疊",
    "gap_too_small": "間隔太短",
    "duration_short": "顯示太短",
    "duration_long": "顯示太長",
    "line_too_long": "行太長",
    "too_many_lines": "行數太多",
    "reading_speed": "閱讀速度太快",
    "empty": "空白字幕",
    "mixed_script": "繁簡混用",
    "punctuation": "標點",
    "gap_to_close": "間隔應收埋",
    "fits_one_line": "可併成一行",
    "dialogue_mixed": "一行兩人對白",
    "dialogue_style": "對白格式",
}


def column_label(column: str, lang: str) -> str:
    """A table header in the interface language (unknown columns: the field name, tidied)."""
    entry = COLUMN_LABELS.get(column)
    if entry is None:
        return column.replace("_", " ").capitalize() if column.islower() else column
    return entry["zh"] if lang == "zh" else entry["en"]


def t(key: str, lang: str = "en", **values: object) -> str:
    """The label `key` in `lang` (English when the language is unknown), with `values` filled in."""
    entry = LABELS[key]
    text = entry.get(lang if lang in ("en", "zh") else "en", entry["en"])  # type: ignore[call-overload]
    return text.format(**values) if values else text


def normalise_lang(value: str | None) -> Lang:
    """`zh` for the Chinese choice (label or code), else `en`."""
    return "zh" if value in ("zh", "繁體中文") else "en"
