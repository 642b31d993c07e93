# ruff: noqa: E501  (page markup is kept as a page would have it)
"""Build the input-format fixtures in tests/fixtures/inputs/ from ../shared/data (public-domain
U.S. government texts): press-release and readout web pages with the furniture real pages carry
(navigation, breadcrumbs, share buttons, related links, footers), the same statements as PDFs
(running headers and footers, page numbers, hyphenated line ends) and Word files, plus broken
inputs (encrypted, scanned, truncated). Run once; the outputs are committed.

    PYTHONPATH=src python scripts/make_input_fixtures.py
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "tests" / "fixtures" / "inputs"


def fomc_paragraphs(day: str) -> list[str]:
    """The statement's paragraphs, without the residue the saved text carries."""
    text = (DATA / "fomc" / f"{day}.txt").read_text("utf-8")
    lines = [" ".join(x.split()) for x in text.splitlines()]
    return [x for x in lines if len(x.split()) > 12]


def readout(path: Path) -> tuple[str, str, list[str]]:
    """(title, date, paragraphs) of an archived Markdown readout, wraps undone."""
    import yaml

    text = path.read_text("utf-8")
    _, fm, body = text.split("---", 2)
    fields = yaml.safe_load(fm)
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body)]
    paras = [p.replace("\\", "") for p in paras if len(p.split()) > 3]
    return str(fields["title"]).replace("\xa0", " "), str(fields["date"]), paras


NAV = """<header class="header"><a class="skip" href="#content">Skip to main content</a>
<div class="logo"><a href="/"><img src="/images/logo.svg" alt="Board of Governors of the Federal Reserve System"></a></div>
<p class="tagline">The Federal Reserve, the central bank of the United States, provides the nation with a safe, flexible, and stable monetary and financial system.</p>
<nav class="navbar" aria-label="main"><ul>
<li><a href="/aboutthefed.htm">About the Fed</a></li><li><a href="/newsevents.htm">News &amp; Events</a></li>
<li><a href="/monetarypolicy.htm">Monetary Policy</a></li><li><a href="/supervisionreg.htm">Supervision &amp; Regulation</a></li>
<li><a href="/paymentsystems.htm">Payment Systems</a></li><li><a href="/econres.htm">Economic Research</a></li>
<li><a href="/data.htm">Data</a></li><li><a href="/consumerscommunities.htm">Consumers &amp; Communities</a></li>
</ul></nav>
<form class="search" action="/search.htm"><input type="text" name="q" placeholder="Search"><button>Search</button></form>
</header>"""

FOOTER = """<footer class="footer"><div class="footer-links"><ul>
<li><a href="/aboutthefed/contact-us-topics.htm">Contact</a></li><li><a href="/accessibility.htm">Accessibility</a></li>
<li><a href="/disclaimer.htm">Disclaimer</a></li><li><a href="/foia/about_foia.htm">FOIA</a></li>
<li><a href="/privacy.htm">Privacy Program</a></li><li><a href="/website-policies.htm">Website Policies</a></li>
</ul></div>
<div class="social"><a href="https://twitter.com/federalreserve">Follow the Fed on Twitter</a> <a href="https://www.youtube.com/federalreserve">YouTube</a> <a href="/feeds/feeds.htm">RSS</a></div>
<p class="lastUpdate">Last Update: {last}</p>
<p>Board of Governors of the Federal Reserve System, 20th Street and Constitution Avenue N.W., Washington, DC 20551</p>
</footer>"""


def fomc_page(day: str, date_markup: str) -> str:
    d = dt.date(int(day[:4]), int(day[4:6]), int(day[6:]))
    long = f"{d:%B} {d.day}, {d.year}"
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in fomc_paragraphs(day))
    head_date, body_date = date_markup.split("|")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Federal Reserve Board - Federal Reserve issues FOMC statement</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="The Federal Reserve Board is the governing body of the Federal Reserve System.">
{head_date.format(iso=d.isoformat(), long=long)}
<link rel="stylesheet" href="/css/main.css"><script src="/js/main.js"></script>
</head><body>
{NAV}
<div id="content" class="container">
<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/newsevents.htm">News &amp; Events</a></li><li><a href="/newsevents/pressreleases.htm">Press Releases</a></li></ol>
<div id="article">
<div class="heading"><p class="article__time">{body_date.format(iso=d.isoformat(), long=long)}</p>
<h3 class="title"><em>Federal Reserve issues FOMC statement</em></h3>
<p class="releaseTime">For release at 2:00 p.m. EDT</p>
<div class="shareDL"><a class="share" href="#">Share</a>
<ul class="share-menu"><li><a href="https://twitter.com/intent/tweet">Twitter</a></li><li><a href="https://www.facebook.com/sharer.php">Facebook</a></li><li><a href="https://www.linkedin.com/shareArticle">LinkedIn</a></li><li><a href="mailto:?subject=FOMC">Email</a></li></ul></div>
</div>
<div class="col-xs-12 col-sm-8 col-md-8">
{paras}
<p><a href="/newsevents/pressreleases/monetary{day}a1.htm">Implementation Note issued {long}</a></p>
<p>For media inquiries, call 202-452-2955</p>
</div>
<div class="col-xs-12 col-sm-4 col-md-4 related">
<h4>Related Information</h4>
<ul><li><a href="/monetarypolicy/fomccalendars.htm">Meeting calendars and information</a></li>
<li><a href="/monetarypolicy/fomc.htm">Federal Open Market Committee</a></li>
<li><a href="/monetarypolicy/fomcminutes.htm">Minutes of the FOMC (PDF)</a></li>
<li><a href="/newsevents/pressreleases.htm">All press releases</a></li></ul>
</div>
</div></div>
{FOOTER.format(last=long)}
</body></html>
"""


def readout_page(title: str, day: str, paras: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{day}T11:09:32-04:00",
            "publisher": {"@type": "GovernmentOrganization", "name": "The White House"},
        }
    )
    links = "".join(
        f'<li><a href="/briefing-room/{k}/">{k.replace("-", " ").title()}</a></li>'
        for k in ("statements-releases", "speeches-remarks", "press-briefings", "presidential-actions")
    )
    return f"""<!doctype html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{html.escape(title)} | The White House</title>
<script type="application/ld+json">{ld}</script>
</head><body class="post-template-default single">
<a class="skip-link" href="#main">Skip to content</a>
<header id="masthead"><nav aria-label="Primary"><ul>
<li><a href="/administration/">Administration</a></li><li><a href="/priorities/">Priorities</a></li>
<li><a href="/briefing-room/">Briefing Room</a></li><li><a href="/espanol/">Español</a></li></ul></nav>
<button class="menu">Menu</button><button class="search">Search</button></header>
<main id="main"><article class="post">
<header class="page-header"><p class="posted-on">Briefing Room</p>
<h1 class="page-title">{html.escape(title)}</h1>
<ul class="categories"><li><a href="/briefing-room/statements-releases/">Statements and Releases</a></li></ul>
</header>
<section class="body-content">
{body}
</section>
<div class="share-links"><span>Share this:</span><a href="https://twitter.com/share">Twitter</a><a href="https://facebook.com/share">Facebook</a><a href="mailto:">Email</a></div>
</article>
<aside class="related"><h2>Next Post</h2><a href="/briefing-room/next/">Statement by Press Secretary on the Upcoming Visit</a>
<h2>Stay Connected</h2><form><label>Email Address</label><input name="email"><button>Sign Up</button></form></aside>
</main>
<footer id="colophon"><ul class="menu">{links}</ul>
<p>The White House, 1600 Pennsylvania Ave NW, Washington, DC 20500</p>
<ul><li><a href="/privacy-policy/">Privacy Policy</a></li><li><a href="/copyright/">Copyright Policy</a></li><li><a href="/accessibility/">Accessibility Statement</a></li></ul>
</footer></body></html>
"""


def news_page(title: str, day: str, paras: list[str]) -> str:
    """A news site's article page: cookie banner, teasers written as full sentences, a photo
    caption, a newsletter box and reader comments around the article."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    teasers = [
        "Markets rallied on Friday as investors weighed new data on inflation.",
        "The foreign minister will travel to Brussels next week for talks with allies.",
        "Opinion: Why the summit matters more than the communique says.",
        "Officials said the talks would continue at the working level in the coming days.",
    ]
    teaser_html = "".join(f'<li><a href="/news/{k}">{html.escape(t)}</a></li>' for k, t in enumerate(teasers))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)} - World News Daily</title>
<meta property="og:title" content="{html.escape(title)}">
<meta name="pubdate" content="{day.replace("-", "")}">
</head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.</p><button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
<div class="byline">By Staff Reporter | Updated {day}</div>
<figure><img src="/img/leaders.jpg" alt=""><figcaption>The two leaders spoke by telephone on Thursday, officials said. Photo: Reuters</figcaption></figure>
<div class="article-body">
{body}
</div>
<aside class="newsletter"><p>Sign up for our daily briefing to get the most important stories delivered to your inbox every morning.</p></aside>
</article>
<section class="most-read"><h2>Most read</h2><ol>{teaser_html}</ol></section>
<section class="comments"><h2>Comments (2)</h2>
<div class="comment"><p>This is a very important development and I hope the talks continue.</p></div>
<div class="comment"><p>Nothing will change until the sanctions are lifted, in my view.</p></div></section>
</main>
<footer><p>© 2021 World News Daily. All rights reserved.</p><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
</body></html>
"""


def chinese_page() -> bytes:
    """A state-media style article page in GB2312 (the text written for this fixture): the
    encoding is declared only in a meta tag, the date only in a meta tag and the info line."""
    body = [
        "新华社北京10月30日电 国家主席习近平30日在人民大会堂会见来访的外国领导人。",
        "习近平指出，双方要坚持相互尊重、互利共赢，推动两国关系持续健康稳定发展。中方愿同各方一道，落实全球发展倡议。",
        "双方一致同意，加强经贸、人文等领域交流合作，共同维护地区和平稳定。",
    ]
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>习近平会见外国领导人_新华网</title><meta name="publishdate" content="2024-10-30">
</head><body><div class="nav"><a href="/">首页</a> <a href="/politics">时政</a> <a href="/world">国际</a> <a href="/fortune">财经</a></div>
<div class="main"><h1>习近平会见外国领导人</h1><div class="info">2024-10-30 18:20:31 来源：新华网</div>
<div id="detail">{"".join(f"<p>{p}</p>" for p in body)}</div>
<div class="share">分享到：微信 微博</div><div class="editor">【责任编辑:王某】</div></div>
<div class="footer"><p>Copyright 2000-2024 XINHUANET.com All Rights Reserved.</p><p>制作单位：新华网股份有限公司</p></div></body></html>
"""
    return page.encode("gb2312")


def write(name: str, data: str | bytes) -> None:
    path = OUT / name
    if isinstance(data, str):
        path.write_text(data, "utf-8")
    else:
        path.write_bytes(data)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


def html_fixtures() -> None:
    # one date convention each, so each metadata route is exercised
    write(
        "fomc-statement-september.html",
        fomc_page("20190918", '<meta property="article:published_time" content="{iso}T14:00:00-04:00">|{long}'),
    )
    write("fomc-statement-october.htm", fomc_page("20191030", '|<time datetime="{iso}">{long}</time>'))
    title, day, paras = readout(DATA / "readouts" / "zelenskyy" / "2021-04-02.md")
    write("readout-call.html", readout_page(title, day, paras))
    title, day, paras = readout(DATA / "readouts" / "netanyahu" / "2021-02-17.md")
    write("news-article.html", news_page(title, day, paras))
    write("chinese-article.html", chinese_page())
    write(
        "no-main-text.html",
        f"<!doctype html><html><head><title>Index</title></head><body>{NAV}{FOOTER.format(last='today')}</body></html>",
    )


def wrap(words: list[str], width: float, measure) -> list[str]:
    """Greedy line breaking; a long word that overflows is hyphenated as a typesetter would."""
    lines: list[str] = []
    line = ""
    for w in words:
        cand = f"{line} {w}".strip()
        if measure(cand) <= width:
            line = cand
            continue
        if len(w) >= 8 and w.isalpha():
            for cut in range(len(w) - 3, 2, -1):
                head = f"{line} {w[:cut]}-".strip()
                if measure(head) <= width:
                    lines.append(head)
                    line = w[cut:]
                    break
            else:
                lines.append(line)
                line = w
        else:
            lines.append(line)
            line = w
    if line:
        lines.append(line)
    return lines


def statement_pdf(day: str, header: str, *, title: str) -> bytes:
    """A press release as a PDF on small pages: a running header and footer with the page
    number on every page, paragraphs set in hyphenated lines."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, invariant=1)
    c.setTitle(title)
    width, height = A5
    margin, size, lead = 48, 10.5, 14
    measure = lambda s: c.stringWidth(s, "Times-Roman", size)  # noqa: E731
    pages: list[list[tuple[float, str, str]]] = [[]]
    y = height - 90
    blocks = [("Helvetica-Bold", title)] + [("Times-Roman", p) for p in fomc_paragraphs(day)]
    for font, para in blocks:
        for line in wrap(para.split(), width - 2 * margin, measure):
            if y < 70:
                pages.append([])
                y = height - 90
            pages[-1].append((y, font, line))
            y -= lead
        y -= lead * 0.8  # paragraph space
    for n, lines in enumerate(pages, 1):
        c.setFont("Helvetica", 8)
        c.drawString(margin, height - 40, header)
        c.drawRightString(width - margin, height - 40, "Press Release")
        c.drawCentredString(width / 2, 36, f"Page {n} of {len(pages)}")
        for yy, font, line in lines:
            c.setFont(font, size)
            c.drawString(margin, yy, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def with_metadata(pdf: bytes, meta: dict[str, str], password: str | None = None) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    w.add_metadata(meta)
    if password:
        w.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A page that is only a picture of text, as a scanner makes."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(img)
    for k, line in enumerate(fomc_paragraphs("20191030")[0].split(". ")[:4]):
        draw.text((20, 20 + 30 * k), line[:80], fill=0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, invariant=1)
    c.drawImage(ImageReader(img), 20, 200, width=380, height=190)
    c.showPage()
    c.save()
    return buf.getvalue()


def pdf_fixtures() -> None:
    header = "Board of Governors of the Federal Reserve System"
    title = "Federal Reserve issues FOMC statement"
    october = statement_pdf("20191030", header, title=title)
    write(
        "fomc-statement-october.pdf",
        with_metadata(october, {"/CreationDate": "D:20191030140000-04'00'", "/Title": title}),
    )
    september = statement_pdf("20190918", header, title=title)
    write("fomc-statement-september.pdf", with_metadata(september, {"/CreationDate": "D:20190918140000-04'00'"}))
    write("encrypted.pdf", with_metadata(october, {}, password="secret"))
    write("scanned.pdf", scanned_pdf())
    write("truncated.pdf", october[: len(october) // 2])


def printed_fixtures() -> None:
    """The October page printed to PDF by a browser, as people keep web pages: the browser's
    own header and footer (print date, title, address, 'page/pages') on every page, and a
    CreationDate that is the day of printing, not of the statement."""
    import shutil
    import subprocess
    import tempfile

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("printed fixture: needs chromium")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "printed.pdf"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--print-to-pdf={out}",
                str(OUT / "fomc-statement-october.htm"),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        write("fomc-statement-october-printed.pdf", out.read_bytes())


def docx_fixtures() -> None:
    import docx

    title, day, paras = readout(DATA / "readouts" / "zelenskyy" / "2021-12-09.md")
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "THE WHITE HOUSE"
    doc.add_heading(title, level=1)
    for p in paras:
        doc.add_paragraph(p)
    doc.add_paragraph("")
    doc.add_paragraph("###")
    doc.core_properties.title = title
    doc.core_properties.author = "Office of the Press Secretary"
    doc.core_properties.created = dt.datetime.fromisoformat(day + "T16:00:00")
    doc.core_properties.modified = dt.datetime.fromisoformat(day + "T16:00:00")
    buf = io.BytesIO()
    doc.save(buf)
    write("readout-december.docx", buf.getvalue())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    kinds = sys.argv[1:] or ["html", "pdf", "docx"]
    for kind in kinds:
        globals()[f"{kind}_fixtures"]()


if __name__ == "__main__":
    main()
