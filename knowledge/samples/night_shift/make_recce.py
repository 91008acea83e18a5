"""Write the sample production's location recce report: recce_report.docx and recce_report.pdf.

Run from anywhere: `python knowledge/samples/night_shift/make_recce.py`. Addresses, INT/EXT,
unavailable dates and contacts come from locations.csv, so the report cannot drift from the list;
the recce findings (access, power, noise, permits, parking, sun, neighbours) are written here.

Both files are byte-for-byte reproducible: the DOCX core properties and zip timestamps are fixed,
and the PDF creation date is fixed. The PDF is English only: no CJK font is installed system-wide
on the machines this runs on, and fpdf2's core fonts cover Latin-1 only, so Chinese names are left
out of it (the DOCX keeps them).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):
    # Run as a script: make the repository importable for knowledge.* and slate.*.
    sys.path.insert(0, str(HERE.parents[2]))

from core.paths import atomic_write_bytes  # noqa: E402
from knowledge.cast_list import LocationEntry, load_location_list  # noqa: E402

DOCX_PATH = HERE / "recce_report.docx"
PDF_PATH = HERE / "recce_report.pdf"
FIXED_TIME = datetime(2027, 1, 20, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2027, 1, 20, 9, 0, 0)
TITLE = "Location Recce Report - Night Shift"
TITLE_ZH = "《夜更》 NIGHT SHIFT 勘景報告"
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")

# Sunrise and sunset in Hong Kong (Hong Kong Observatory tables, rounded to the minute).
SUN_TABLE: list[tuple[str, str, str]] = [
    ("Mon 1 March 2027", "06:39", "18:21"),
    ("Thu 4 March 2027", "06:37", "18:22"),
    ("Mon 8 March 2027", "06:34", "18:24"),
    ("Thu 11 March 2027", "06:32", "18:25"),
    ("Sat 13 March 2027", "06:30", "18:26"),
]


@dataclass(frozen=True, slots=True)
class Recce:
    """What the recce found at one location (English, Latin-1 only so the PDF can print it)."""

    scenes: str
    access: str
    power: str
    noise: str
    permits: str
    parking: str
    sun: str
    neighbours: str
    notes: str


# Keyed by the id in locations.csv.
RECCE: dict[str, Recce] = {
    "KAM WAH CHA CHAAN TENG": Recce(
        scenes="2 (night), 10 (dusk), 12 (night)",
        access=(
            "Street-level front door 1.1 m wide on Fa Yuen Street; kitchen back door onto the rear lane "
            "takes the dolly and lighting carts. Seating is bolted down: booths cannot be moved, so the "
            "mirror shot in Scene 2 is planned from booth 6 (back booth, left wall)."
        ),
        power=(
            "60 A single phase, fully used by the kitchen. No tie-in. A 20 kVA silent generator in the "
            "rear lane (FSO-approved position), 40 m cable run through the kitchen."
        ),
        noise=(
            "Fa Yuen Street market stalls pack up by 23:00; minibuses until 01:00. Three refrigerator "
            "compressors and the drinks chiller must be switched off for takes: the owner allows 15 "
            "minutes off per hour for food safety."
        ),
        permits=(
            "Location agreement with the owner's son signed 14 January. Film Services Office (FSO) "
            "notified for the generator and for pavement use on Fa Yuen Street."
        ),
        parking=(
            "Unit base (two trucks, make-up bus, catering) at the Argyle Street multi-storey car park, "
            "8 minutes' walk. No vehicles on Fa Yuen Street except a drop-off at 23:00."
        ),
        sun=(
            "Scene 10 is the only daylight scene here: sunset 18:21-18:26 in early March, so the dusk "
            "window through the front door is about 17:45-18:30."
        ),
        neighbours=(
            "Residents live above (floors 1-6). Door-to-door letters in Chinese and English one week "
            "before; no generator after 04:00. The herbal-tea shop next door asked for its shutter to "
            "stay out of frame."
        ),
        notes=(
            "A working cafe: we shoot after closing, 23:00-07:00, except Scene 10 (16:00 call, cafe open, "
            "regulars kept out of frame). Not available on Saturdays (6 and 13 March), its busiest nights. "
            "Art department keeps the owner's spike of unpaid bills; we add Ah Fai's strip to it."
        ),
    ),
    "ROOFTOP": Recce(
        scenes="11 (night), 17 (night, stunts), 19 (day)",
        access=(
            "One stairwell, seven flights, 90 cm wide, no lift. All kit goes up by hand; the owners' "
            "corporation allows a rope hoist on the rear light well for the heavy cases only. The roof "
            "door is locked: the key is kept by Mr Leung (chairman)."
        ),
        power=(
            "No power on the roof. Cable from a generator in Tung Choi Street up the rear light well "
            "(permit from the owners' corporation). Battery LED panels for Scene 11."
        ),
        noise=(
            "Ladies' Market stalls in Tung Choi Street until 23:30; air-conditioner outdoor units on "
            "every roof nearby (we cannot switch the neighbours' off: plan wild tracks). Pigeons."
        ),
        permits=(
            "Owners' corporations of No. 57 and No. 59 both signed (the stunt jump lands on No. 59). "
            "Stunt plan and risk assessment sent to the FSO and Mong Kok District police for the two "
            "nights of Scene 17; ambulance booked."
        ),
        parking=(
            "Unit base at the Argyle Street car park, 6 minutes' walk. Stunt truck and ambulance may "
            "stand in Tung Choi Street after the market closes (23:30)."
        ),
        sun=(
            "Scenes 11 and 17 are night: start after 19:00. Scene 19 is day: overcast preferred; sunrise "
            "06:30-06:39, so a 07:00 call gives full daylight."
        ),
        neighbours=(
            "The roof is shared by all the flats: residents dry laundry here. Notice on every floor, "
            "HK$500 per household for the two stunt nights. The pigeon keeper on No. 61 lends the coop "
            "and the birds (never more than six on set)."
        ),
        notes=(
            "Parapet 1.0 m high, gap to No. 59 is 1.5 m: the stunt jump uses a built platform, wires and "
            "a safety net; nobody near the edge unclipped. The tin-roof shack on No. 59 is a real "
            "unauthorised structure: we do not touch it. The art department builds a breakaway replica "
            "beside it for the fall. Water tanks are live: no climbing. Not available 4 March "
            "(owners' meeting on the roof)."
        ),
    ),
    "MONG KOK POLICE STATION": Recce(
        scenes="5 (night, CID office), 9 (day, briefing room), 14 (day, CID office), 15 (interrogation room)",
        access="Studio loading dock with a 3-tonne goods lift; stage doors 4 m wide.",
        power="Studio house power, 400 A three phase, distribution boards on the stage.",
        noise="Soundproof stage. Air conditioning must be off for takes (stage gets warm in 10 minutes).",
        permits=(
            "No location permit (private studio). Police Public Relations Branch consulted on uniforms "
            "and insignia; the replica warrant card is marked PROP on the back."
        ),
        parking="Studio car park, 20 spaces, and a truck bay at the dock. Unit base on site.",
        sun="Interior set: no sun. Day and night through the windows are lit (translight backing).",
        neighbours="Industrial estate: no residents. Food court closes at 20:00; catering on site.",
        notes=(
            "Set build: CID office (used for Scenes 5 and 14 with a night and a day dressing), briefing "
            "room with whiteboard (Scene 9), interrogation room with one-way mirror and a working video "
            "recorder light (Scene 15). One wall of each set is wild for the camera."
        ),
    ),
    "TAXI": Recce(
        scenes="3 (moving, night), 6 (parked, before dawn), 12A (moving, night)",
        access=(
            "Picture car on a low-loader (process trailer) for the moving scenes; route Nathan Road "
            "southbound from Argyle Street to Jordan Road and round, about 25 minutes a loop."
        ),
        power="Generator on the tow vehicle for the interior lights and the LED panels.",
        noise="Dialogue recorded with the engine off on the trailer; road noise added in the mix.",
        permits=(
            "Transport Department and police approval for the low-loader through the FSO; speed limit "
            "30 km/h, no lane changes, police escort on the first night."
        ),
        parking=(
            "Picture car kept at 23 Sai Yee Street garage; low-loader based at the Argyle Street car park."
        ),
        sun=(
            "Scenes 3 and 12A at night. Scene 6 at the Portland Street taxi stand ends at first light: "
            "roll by 05:45 for the sunrise at about 06:35."
        ),
        neighbours=(
            "The Portland Street stand is a public taxi stand: we use the last bay only, 04:30-06:00, "
            "and never block working taxis."
        ),
        notes=(
            "Red Toyota Comfort Hybrid with the prop plate TX 3828, shown only on the trailer and in "
            "closed sets. LED panels give the Tsim Sha Tsui neon for the end of Scene 3. Back-seat crack "
            "insert (the USB stick) shot on the stage."
        ),
    ),
    "NATHAN ROAD": Recce(
        scenes="1 (night, opening, two nights), 13 (night, dual dialogue, rain)",
        access="Pavement only, between Argyle Street and Shantung Street; kit carried from the car park.",
        power="Battery lights only on the street; a small generator in the loading bay for the rain pump.",
        noise=(
            "Live street: traffic, shop music, buskers. Scene 13 needs two radio mics; we agree with the "
            "buskers to play our cleared song."
        ),
        permits=(
            "Police and Transport Department approval through the FSO; no lane closures; crowd marshals at "
            "both ends; the 6 m camera crane stands in the loading bay outside the pharmacy, not on the "
            "footpath. Rain tower for Scene 13 fed from a water bowser, drained to the gully."
        ),
        parking="Unit base at the Argyle Street car park, 3 minutes' walk. Extras holding in the car park.",
        sun="Night scenes: shoot 22:00-04:00.",
        neighbours=(
            "Shops and pharmacies open until midnight: no shopfronts blocked while open. The hawker in the "
            "loading bay is paid to move for the two nights of Scene 1."
        ),
        notes=(
            "Forty extras for Scene 1 (late-night crowd, street sweeper, two police officers, a drunk in "
            "a suit) and about thirty for Scene 13. Not available 12-13 March (street event)."
        ),
    ),
    "AH FAI'S FLAT": Recce(
        scenes="7 (day), 16 (late night, ransacked)",
        access=(
            "Flat 6C on the sixth floor of the same walk-up as the rooftop; one flight below the roof. "
            "120 sq ft: six people in the flat at most (fire safety); monitors on the landing."
        ),
        power=(
            "The flat's own 30 A supply cannot carry the lamps: cable from the generator in Tung Choi Street "
            "shared with the rooftop."
        ),
        noise="Thin partitions: the neighbours' television. Ask for quiet per take; pay per household.",
        permits="Agreement with the landlord, Mrs Lai; the tenant is rehoused in a hotel for the shoot days.",
        parking="As the rooftop: Argyle Street car park.",
        sun="Scene 7 needs afternoon sun through the burglar bars: the window faces west, best 14:00-16:00.",
        neighbours=(
            "Five other subdivided flats share the corridor. Red paint on the corridor wall is a removable "
            "art-department panel, not paint on the wall."
        ),
        notes=(
            "Scene 16's ransacked dressing is struck by hand down six flights; schedule it on a night "
            "that also shoots the rooftop."
        ),
    ),
    "STAR FERRY PIER": Recce(
        scenes="4 (night, continuous from 3), 20 (dawn, the ending)",
        access="Promenade and pier front on Salisbury Road; kit by trolley from the car park.",
        power="No tie-in; battery lights, and a generator on the Canton Road side for Scene 4.",
        noise="Salisbury Road traffic, tourists until about 01:00, the ferry horns (wanted in Scene 20).",
        permits=(
            "Star Ferry company agreement for the pier frontage; promenade through the FSO. No filming "
            "inside the pier while it is open to passengers."
        ),
        parking="Public car park on Canton Road, 5 minutes' walk; no unit base at the bus terminus.",
        sun=(
            "Scene 20 is real dawn: sunrise 06:28-06:39 in March; the first ferry leaves at 06:30. "
            "Usable light is about 06:15-06:40. One chance per morning."
        ),
        neighbours="Public space: security guards at the pier; joggers at dawn pass through frame.",
        notes="Closed for maintenance 1-3 March. Scene 4's beating is sound only: no stunt on the pier.",
    ),
    "HOSPITAL": Recce(
        scenes="8 (day, ICU corridor), 18 (before dawn, A&E corridor)",
        access="Ground-floor ward of Block B, ramp access for the dolly; lift to the first floor not needed.",
        power="House power, 200 A, in the ward's plant room (facilities officer present).",
        noise="Active hospital blocks next door: ambulance sirens; quiet hours after 22:00.",
        permits="Agreement with the hospital's facilities office; no patients or staff in frame.",
        parking="Hospital visitor car park, 10 spaces reserved on shoot days.",
        sun=(
            "The corridor has no windows, so Scene 18 (before dawn) is shot in the day, before the quiet "
            "hours start at 22:00."
        ),
        neighbours="Staff of the working blocks walk past the ward: signs and a runner at each door.",
        notes=(
            "A decommissioned ward dressed twice: ICU corridor with a glass side ward (Scene 8) and an A&E "
            "corridor with benches and a vending machine (Scene 18). The hired ICU monitors and bed go back "
            "on 6 March, so Scene 8 must be shot by then. Not available 8-9 March."
        ),
    ),
}

FIELDS: list[tuple[str, str]] = [
    ("access", "Access"),
    ("power", "Power"),
    ("noise", "Noise"),
    ("permits", "Permits"),
    ("parking", "Parking and unit base"),
    ("sun", "Sunrise and sunset"),
    ("neighbours", "Neighbour issues"),
    ("notes", "Notes"),
]


def unavailable_text(entry: LocationEntry) -> str:
    """Unavailable dates as crews write them: `6 Mar, 13 Mar`, or `none`."""
    return ", ".join(f"{d.day} {d:%b}" for d in entry.unavailable) or "none"


def latin(text: str) -> str:
    """`text` without Chinese characters, for the Latin-1-only PDF."""
    return re.sub(r"\s{2,}", " ", _CJK.sub("", text)).strip()


def build_docx(locations: list[LocationEntry]) -> bytes:
    """The report as a DOCX, with fixed core properties and zip timestamps."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.author = "麥志明 Mak Chi-ming, location manager"
    document.core_properties.title = TITLE
    document.core_properties.subject = "Location recce, 12-14 January 2027"
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.core_properties.last_printed = FIXED_TIME
    document.core_properties.last_modified_by = "麥志明 Mak Chi-ming"
    document.core_properties.revision = 1
    document.styles["Normal"].font.size = Pt(10.5)

    document.add_heading(TITLE_ZH, level=0)
    document.add_paragraph(
        "Recce dates: 12-14 January 2027. Team: 司徒慧兒 Szeto Wai-yi (director), 關永康 Kwan Wing-hong "
        "(director of photography), 區嘉敏 Au Ka-man (first AD), 麥志明 Mak Chi-ming (location manager), "
        "何俊 Ho Chun (stunt coordinator). Shoot planned from Monday 1 March 2027, Sundays off."
    )

    document.add_heading("Summary 總表", level=1)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Location", "Scenes", "I/E", "Address", "Unavailable"], strict=True
    ):
        cell.text = text
    for entry in locations:
        recce = RECCE[entry.id]
        name_zh = next((n for n in entry.names if _CJK.search(n)), "")
        row = table.add_row().cells
        row[0].text = f"{name_zh} {entry.id}".strip()
        row[1].text = recce.scenes
        row[2].text = entry.int_ext or ""
        row[3].text = entry.address or ""
        row[4].text = unavailable_text(entry)

    document.add_heading("Sunrise and sunset 日出日落", level=1)
    sun = document.add_table(rows=1, cols=3)
    sun.style = "Table Grid"
    for cell, text in zip(sun.rows[0].cells, ["Date", "Sunrise", "Sunset"], strict=True):
        cell.text = text
    for day, rise, set_ in SUN_TABLE:
        cells = sun.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = day, rise, set_

    for entry in locations:
        recce = RECCE[entry.id]
        name_zh = next((n for n in entry.names if _CJK.search(n)), "")
        document.add_heading(f"{name_zh} {entry.id}".strip(), level=1)
        document.add_paragraph(f"Address: {entry.address}")
        document.add_paragraph(f"Scenes: {recce.scenes}. Interior or exterior: {entry.int_ext}.")
        document.add_paragraph(f"Contact: {entry.contact}. Unavailable: {unavailable_text(entry)}.")
        for field, label in FIELDS:
            document.add_heading(label, level=2)
            document.add_paragraph(getattr(recce, field))

    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _fix_zip_times(data: bytes) -> bytes:
    """Rewrite a zip with every member stamped ZIP_TIME, so the same input gives the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def build_pdf(locations: list[LocationEntry]) -> bytes:
    """The report as an English-only PDF (see the module docstring for why)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(TITLE)
    pdf.set_author("Mak Chi-ming, location manager")
    pdf.set_creator("make_recce.py (Slate sample production)")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def heading(text: str, size: int) -> None:
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(width, size * 0.5, latin(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def paragraph(text: str) -> None:
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(width, 5, latin(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    heading(TITLE, 16)
    paragraph(
        "English-only edition: the Chinese names are in recce_report.docx. Recce dates: 12-14 January "
        "2027. Team: Szeto Wai-yi (director), Kwan Wing-hong (director of photography), Au Ka-man (first "
        "AD), Mak Chi-ming (location manager), Ho Chun (stunt coordinator). Shoot planned from Monday "
        "1 March 2027, Sundays off."
    )
    heading("Sunrise and sunset", 12)
    for day, rise, set_ in SUN_TABLE:
        paragraph(f"{day}: sunrise {rise}, sunset {set_}")
    for entry in locations:
        recce = RECCE[entry.id]
        heading(entry.id, 13)
        paragraph(f"Address: {entry.address}")
        paragraph(f"Scenes: {recce.scenes}. Interior or exterior: {entry.int_ext}.")
        paragraph(f"Contact: {latin(entry.contact or '')}. Unavailable: {unavailable_text(entry)}.")
        for field, label in FIELDS:
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(width, 5, label, new_x="LMARGIN", new_y="NEXT")
            paragraph(getattr(recce, field))
    return bytes(pdf.output())


def main() -> int:
    """Write recce_report.docx and recce_report.pdf beside this script."""
    locations = load_location_list(HERE / "locations.csv")
    missing = [entry.id for entry in locations if entry.id not in RECCE]
    if missing:
        print(f"make_recce.py: no recce notes for {', '.join(missing)}", file=sys.stderr)
        return 1
    atomic_write_bytes(DOCX_PATH, build_docx(locations))
    atomic_write_bytes(PDF_PATH, build_pdf(locations))
    print(f"wrote {DOCX_PATH.name} and {PDF_PATH.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
