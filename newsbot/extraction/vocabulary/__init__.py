"""Phrase vocabulary of the generic boilerplate rules, of the byline reader and of the date
lines' words: one data file per language, and the one compiler that builds the rules' patterns
from them.

Data: each ``*.toml`` file in this folder holds the phrases of one language (named by its
ISO 639-1 code: ``de.toml``), and ``common.toml`` the names no language owns (social networks,
photo agencies, language models). A file maps categories to phrases: a list of phrases for a
category whose shape has one slot (``{}``), one list per slot (``category.slot = [...]``) for
a category whose shape has named slots (``{verb}``, ``{network}``). Every phrase is a
fragment of a regular expression (Python :mod:`re` syntax), matched case-insensitively
except in the member prompts: most are plain words; a phrase carries alternatives,
boundaries or an end anchor of its own where it needs them (``lesen sie (?:auch|hier|mehr)``,
``sign in\\b``, ``à découvrir$``); a phrase ending in a space needs one after it.

Code: the shapes, not the phrases, live here. :data:`SHAPES` gives each category the pattern
it joins and its shape, the regular expression its phrases are set into; :data:`PATTERNS`
gives each pattern its frame (``^(?:{})``: a block opening so) and flags. A slot is filled
with the phrases of every language joined as alternatives (duplicates dropped), so any verb
of a category may meet any noun of it, as in one hand-written alternation; a category marked
``per_language`` is set once per language file holding it, with that file's words only
(their order agrees: "folgen Sie … auf", "follow … on"), and the slots of ``common.toml``
added to each. A slot no file fills matches nothing (``(?!)``). The shapes of a pattern's
categories are joined as alternatives into its frame and compiled once, on first use; the
order of alternatives never changes whether a pattern matches, so grouping phrases by
language changes no result, and each pattern stays one search.

Adding a language is adding one file; adding a phrase is adding it to one list. Other rules
that need a category's words read them with :func:`phrases`. A file
naming a category or slot :data:`SHAPES` does not know raises :class:`ValueError` at the
first compile.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern: ``frame``, a regular expression whose ``{}`` takes the shapes of the
    pattern's categories joined as alternatives, and the :mod:`re` ``flags``."""

    frame: str
    flags: int


@dataclass(frozen=True)
class Shape:
    """How one category is compiled: into the pattern ``pattern`` (a key of :data:`PATTERNS`),
    as ``shape`` (a regular expression with ``{}`` or ``{slot}`` where the phrases go, one
    alternative of the pattern's frame), its phrases pooled over the languages or, with
    ``per_language``, the shape set once per language."""

    pattern: str
    shape: str
    per_language: bool = False


PATTERNS: dict[str, Pattern] = {
    # a block (under 300 characters) opening with page furniture
    "boiler_text": Pattern(r"^(?:{})", re.I),
    # what closes a block (under 500 characters): an advert label, a photo credit
    "trailing_boiler": Pattern(r"(?:{})\s*$", re.I),
    # a newsletter box (under 300 characters)
    "newsletter_prompt": Pattern(r"{}", re.I),
    # a (Japanese, Korean) paid-member prompt, and the words closing one
    "member_prompt": Pattern(r"^(?:{})", 0),
    "member_prompt_end": Pattern(r"(?:{})[。！!]?$", 0),
    # a short line (under 80 characters) naming a photo source
    "credit_text": Pattern(r"(?:{})", re.I),
    # a heading (under 60 characters) announcing related content
    "stop_text": Pattern(r"^(?:{})\b", re.I),
    # a note (under 300 characters) that a language model made the text, and the looser
    # shape in notes under 120 characters
    "ai_notice": Pattern(r"^.{0,40}(?:{})", re.I),
    "ai_notice_short": Pattern(r"{}", re.I),
    # a paragraph of a portal's body container that is page furniture (matched on its
    # comparison key: case-folded, quotes and dashes unified)
    "container_line": Pattern(r"^(?:{})", re.I),
    # a paywall's offer to read the rest (searched in a box named like a paywall)
    "paywall_offer": Pattern(r"(?:{})", re.I),
    "paywall_continue": Pattern(r"(?:{})", re.I),
    # the notice of an article the European Parliament's grant paid for, or the grant's clause;
    # the clause naming the views the author's alone (each searched in a short block before
    # the first or after the last good paragraph)
    "funding_notice": Pattern(r"{}", re.I),
    "views_disclaimer": Pattern(r"{}", re.I),
    # --- bylines (newsbot.extraction.metadata.split_names) ---
    # a byline's lead-in ("By", "Napisał:", "A cura di"), then its colon
    "byline_lead_in": Pattern(r"^(?:{})(?!\w)\s*:?\s*", re.I),
    # a lead-in read only on a page of its language and in its own case, a word of other
    # languages' names ("de" of Romanian, "Le" of Irish: "Le Thi Hoa", "de Vries"), then its
    # colon (:func:`language_pattern`)
    "page_lead_in": Pattern(r"^(?:{})(?!\w)\s*:?\s*", 0),
    # such a lead-in that is a first name in other languages (Catalan "Per", a Scandinavian
    # name): read only on a page whose markup declares its language, not one its text is detected in
    "declared_lead_in": Pattern(r"^(?:{})(?!\w)\s*:?\s*", 0),
    # the word "and" joining a compound surname's parts on a page of its language ("Roig i Pons",
    # "Ortega y Gasset"): no separator of two names there (metadata._surnames_joined)
    "surname_joint": Pattern(r"^(?:{})$", re.I),
    # an interviewer's credit closing an interview ("Das Gespräch führte", "Propos recueillis par",
    # "Rozmawiała:"), then its colon
    "interviewer_credit": Pattern(r"^(?:{})(?!\w)\s*:?\s*", re.I),
    # a lead-in naming a source, no writer ("Quelle:", "Source:", "Fonte:")
    "source_lead_in": Pattern(r"^(?:{})(?!\w)", re.I),
    # what separates two names: punctuation (the word "and" beside it: "A, B, and C", a line
    # break after "and"), or the word "and" between spaces
    "name_separator": Pattern(r"\s*(?:(?:(?<=\s)(?:{})\s*)?[,;&،、](?:\s*(?:{})(?=\s))?|\s(?:{})\s)\s*", re.I),
    # a place or outlet closing a byline, one word after a preposition ("in Brussels",
    # "for Reuters", ", avec AFP")
    "byline_tail": Pattern(r"(?:,\s*|\s+)(?:{})\s+(?:the\s+)?[^\W\d_][\w.'’&-]*\s*$", re.I),
    # the credit of another role, and all after it ("…, Fotos: Jonas Weber"), a colon after
    # its word or, where the phrase ends in an abbreviation's full stop or a space of its own,
    # none ("Fot. Marek Nowak", "Photos by Jan Berg")
    "other_credit": Pattern(r"(?:^|[,;|/·•]\s*|\s)(?:{})(?:\s*:|(?<=[.\s])\s*(?=\w)).*$", re.I),
    # a writer's role printed beside the name, a word or the end of a compound word
    # ("political commentator", "Inrikesreporter", "Korrespondentin")
    "byline_role": Pattern(r"(?:{})", re.I),
    # an office printed beside a signer's name, a word or words of its own ("Landrat", "gradonačelnik")
    "office_title": Pattern(r"(?<![^\W\d_])(?:{})(?![^\W\d_])", re.I),
    # an account or a desk, not a person: the whole name ("admin", "Redaktion", "Super User")
    "not_a_person": Pattern(r"^(?:{})$", re.I),
    # a news agency credited as a byline's last part ("…, dpa"): the whole part
    "news_agency": Pattern(r"^(?:{})$", re.I),
    "home_news_agency": Pattern(r"^(?:{})$", re.I),
    # an organisation's word in a byline's name: a word of its own or a compound's end
    "organisation": Pattern(r"{}", re.I),
    # an organisation's word that is a person's given name too (Greek "Δήμος"): the whole word
    "given_name": Pattern(r"^(?:{})$", re.I),
    # the word for a news agency opening its name ("Agenzia", "Agência"): the whole word
    "news_agency_word": Pattern(r"^(?:{})$", re.I),
    # a definite article, the whole word: one may open a desk's name capitalised ("La Redacción")
    "definite_article": Pattern(r"^(?:{})$", re.I),
    "name_particle": Pattern(r"^(?:{})$", 0),
    # the word naming an article's own kind ("Kommentar", "column", "intervista"; the end of a
    # compound too: "Gastkommentar"), in a credit of the piece and its writer
    "article_kind": Pattern(r"(?:{})(?![^\W\d_])", re.I),
    "contents_label": Pattern(r"^(?:{})\s*:", re.I),
    # a contact box's label ("Lisainfo:", "Pressekontakt", "Más información"), opening a line
    # with a colon or standing as the whole line
    "contact_label": Pattern(r"^(?:{})\s*(?::|$)", re.I),
    # a label marking a piece as one for subscribers, as the whole line ("Artikel nur für
    # Abonnenten.", "Plus-Artikel")
    "paywall_label": Pattern(r"^(?:{})[\s.!]*$", re.I),
    # a label of a page's own record, in a table of label/value rows ("Wytworzył:", "Author:")
    "record_label": Pattern(r"^(?:{})\s*:?$", re.I),
    # a heading titling a gallery or an audio player, as its whole text or before a colon or dash
    # ("Bildergalerie: …", "Listen to this article"; not "Galleria Borghese reopens")
    "media_heading": Pattern(r"^(?:{})\s*(?:$|[:|–—-])", re.I),
    # the word numbering an episode opening a headline, then its number and a colon
    # ("Episode 42:", "Afsnit 18:"; not "Folge 12 unserer Serie:")
    "episode_word": Pattern(r"^\W*(?:{})\s*(?:#|nr\.?|no\.?)?\s*\d+\s*[:：]", re.I),
    # the word a front's headline opens with before its colon and name ("Tag: harbour",
    # "Žyma: uostas", "Archives: March 2026"): a tag's, category's, author's or archive's page
    "listing_label": Pattern(r"^\W*(?:{})\s*[:：]\s*\S", re.I),
    # a word naming events or a list of them ("events", "Veranstaltungen", "agenda", "eventi"), read
    # whole: a part of a class, an id or an address's segment (an event's page, an agenda's box)
    "event_word": Pattern(r"(?:{})", re.I),
    # a company's legal form written as its language does ("GmbH", "a.s.", "N.V."), after a word
    # of two letters or more and a space or comma: not an initial's ("N.V. Pieters", "A. S. Novak")
    "legal_form": Pattern(r"{}", 0),
    # --- template placeholders (newsbot.extraction.values.placeholder) ---
    # a template's dummy value in any field ("Lorem ipsum"), a structured author's ("Author Name",
    # "John Doe"), a structured title's ("Headline", "Titel"): the whole value
    "placeholder": Pattern(r"^(?:{})$", re.I),
    "author_placeholder": Pattern(r"^(?:{})$", re.I),
    "title_placeholder": Pattern(r"^(?:{})$", re.I),
    # --- sections (newsbot.extraction.metadata) ---
    # the words before a category printed as plain text ("Posted in", "Veröffentlicht in")
    "section_lead_in": Pattern(r"^(?:{})\s+", re.I),
    # --- dates (newsbot.extraction.date_fields) ---
    # the word before a printed date that says what it dates: the update or the publication
    "date_label": Pattern(r"{}", re.I),
    # the word between a date line's day and its time of day ("um", "kell", "o godz."), and the
    # word after the time ("Uhr", "uur", "hod."): read by date_fields' clock pattern
    "time_lead_in": Pattern(r"{}", re.I),
    "time_unit": Pattern(r"{}", re.I),
    # the half of the day after a twelve-hour clock's time ("pm", "μ.μ."): read by the clock pattern
    "day_half": Pattern(r"(?:{})", re.I),
    # --- standfirst (newsbot.extraction.generic.lead) ---
    # the noun naming a series among a line's first words ("Serie: …", "Aus der Serie …")
    # (its words apart: each word before it ends at a non-letter, so a long run of letters is
    # read once, not split every way)
    "series_name": Pattern(r"^\W*(?:[^\W\d_]{1,40}\W+){0,3}?(?:{})[^\W\d_]{0,4}(?![^\W\d_])", re.I),
}
"""Pattern name → :class:`Pattern`; the rules using each are in
:mod:`newsbot.extraction.generic.boilerplate`."""

_NETWORK_LIST = r"(?:{network})(?:(?:,| (?:{conjunction})) (?:{network}))*"

SHAPES: dict[str, Shape] = {
    # --- boiler_text -------------------------------------------------------------------------
    "consent_placeholder": Shape("boiler_text", r"{}"),  # an embed held back for consent
    "consent_setting": Shape("boiler_text", r".{0,80}(?:{})"),  # privacy settings named early
    "read_more": Shape("boiler_text", r"{}"),  # a teaser of another article
    "sign_in_prompt": Shape("boiler_text", r"{}"),  # sign in, register, subscribe
    "account_benefit": Shape("boiler_text", r"{}"),  # a perk listed in a sign-in box: more articles
    "share_on_network": Shape("boiler_text", r"(?:{verb})(?: (?:{preposition}))?:? (?:{target})\b"),
    "share_prompt": Shape("boiler_text", r"{}"),  # share or comment this article
    "follow_prompt": Shape("boiler_text", r"{}"),  # follow us
    "follow_on_network": Shape(  # the whole block: follow X on networks
        "boiler_text", r"(?:{verb}) [\w.' -]{1,40} (?:{preposition}) " + _NETWORK_LIST + r"(?: (?:{tail}))?\W{0,3}$",
        per_language=True),
    "tag_line": Shape("boiler_text", r"(?:{})\s*:[^.!?]*$"),  # "Topics: …" without a sentence
    "support_prompt": Shape("boiler_text", r"{}"),  # did you like it, support us
    # a reading time, short furniture that no sentence goes on after: a number of minutes, then
    # the words for reading ("5 min read", "3 Min. Lesezeit"); the label alone ("Lästid"); the
    # label (a word before it: "Geschätzte Lesezeit"), or a short label before a colon
    # ("Lectura:"), then the number and its unit; each closing the block or a field of it
    # ("Lesezeit: 3 Min.", "Leestijd: ca. 2 minuten", "Lästid 2 min · …")
    "reading_time": Shape("boiler_text", r"(?:\d+\s*(?:{unit})\.?\s*(?:{after_minutes})(?![^\W\d_])|(?:{label})(?![^\W\d_])\s*:?"
                                         r"|(?:[^\W\d_]+\s+)?(?:{label})(?![^\W\d_])\s*:?\s*(?:[^\W\d_]+\.?:?\s+)?\d+"
                                         r"(?:\s*[–-]\s*\d+)?\s*(?:(?:{unit})(?![^\W\d_])\.?)?"
                                         r"|(?:{short_label})\s*:\s*\d+(?:\s*[–-]\s*\d+)?\s*(?:{unit})(?![^\W\d_])\.?)"
                                         r"\.?\s*(?:[|·•]|$)"),
    "update_stamp": Shape("boiler_text", r"(?:{verb}) (?:{preposition})?\s*\d"),  # "Updated on 3 …"
    "programme_note": Shape("boiler_text", r"{}"),  # a broadcaster's air-time note
    "advert_label": Shape("boiler_text", r"(?:{})$"),  # the whole block is the label
    "advert_notice": Shape("boiler_text", r"{}"),  # "article continues below"
    "print_notice": Shape("boiler_text", r"{}"),  # a printed page's note of its address
    "tip_prompt": Shape("boiler_text", r"{}"),  # send us your story
    "paywall_notice": Shape("boiler_text", r"{}"),  # the rest is for subscribers
    "live_blog_pointer": Shape(  # a reading verb, then "in our live blog" closing the block
        "boiler_text", r"(?:.{0,100}\b(?:{late_verb})|(?:(?:{opener}) )?(?:{verb}))\b.{0,60}\b(?:{place})\W{0,3}$"),
    "live_blog_call": Shape("boiler_text", r"(?:{verb})\b.{0,80}\b(?:{place})\W{0,3}$"),  # "follow our live"
    "box_label": Shape("boiler_text", r"{}"),  # the label opening or closing an info box
    "credit": Shape("boiler_text", r"{}"),  # reporting, editing, sources, first publication
    "translation_note": Shape("boiler_text", r"{}"),  # translated from … by
    "machine_translation": Shape("boiler_text", r".{0,60}(?:{})"),  # a machine-translation notice
    # --- trailing_boiler ---------------------------------------------------------------------
    "trailing_advert_label": Shape("trailing_boiler", r"\[(?:{})\]"),  # "… [Werbung]"
    "trailing_photo_credit": Shape(  # "… Foto: Agency" after the last sentence, or in brackets
        "trailing_boiler", r"[.!?…][\"'”’»)]?\s+(?:{})\s*:\s*[^.!?:]{2,60}\.?|\((?:{})\s*:\s*[^().!?:]{2,60}\)"),
    # --- newsletter_prompt -------------------------------------------------------------------
    "newsletter_prompt": Shape(
        "newsletter_prompt",
        # the word, then a call to sign up closing the block as its own clause …
        r"\b(?:{noun})\b.{0,250}(?:(?:[.!?:–—-]\s+|\b(?:{adverb})\s+)(?:{call})|(?:{link}))\W{0,3}$"
        r"|\b(?:{closing})\W{0,3}$"
        # … or the call first: "Sign up for our daily newsletter"
        r"|(?:^|[.!?]\s+)(?:(?:{opener}) )?(?:{invitation})\b.{0,40}\b(?:{possessive})\b.{0,40}(?:{noun})"),
    # --- member_prompt, member_prompt_end ----------------------------------------------------
    "member_prompt": Shape("member_prompt", r"(?:{prompt})(?:{particle}|$)|(?:{intro}).{0,12}(?:{members})|(?:{notice})"),
    "member_prompt_end": Shape("member_prompt_end", r"{}"),
    # --- credit_text, stop_text --------------------------------------------------------------
    # a photo source's name as a word of its own: no letter before it ("dpa", not the "dpa" of
    # Dutch "strandpaviljoens")
    "photo_credit": Shape("credit_text", r"(?<![^\W\d_])(?:{})"),
    "related_heading": Shape("stop_text", r"{}"),
    # a heading announcing the most read stories as its whole text, two words more at most
    # ("Most viewed this week"), not a crosshead's opening ("Most viewed series were dramas")
    "most_read_heading": Shape("stop_text", r"(?:{})(?=(?:\W+\w+){0,2}\W*$)"),
    # --- ai_notice, ai_notice_short ----------------------------------------------------------
    "ai_label": Shape("ai_notice", r"{}"),
    "ai_generated_label": Shape("ai_notice", r"(?:{label})(?:\W*$|:| (?:{noun}))"),
    "ai_made_by": Shape("ai_notice", r"(?:{verb}) (?:{preposition}) (?:(?:{article}) )?(?:{agent})\b"),
    "ai_summary_by_particle": Shape("ai_notice", r"(?:{agent}) ?(?:{particle}) ?(?:{noun})(?:{ending}|\W*$)"),
    "ai_summary_made_by": Shape("ai_notice", r"(?:{subject})\w*\b.{0,40}\b(?:{verb})\b.{0,40}\b(?:{agent})\b"),
    "ai_made_with": Shape("ai_notice_short", r"\b(?:{verb})\b.{0,20}?\b(?:{preposition}) (?:(?:{help}) )?(?:{agent})\b"),
    # --- container_line ------------------------------------------------------------------------
    # the whole paragraph (short labels), or its opening (phrases of 12 characters or more)
    "container_line": Shape("container_line", r"(?:{whole})$|(?:{opening})"),
    "paywall_continue": Shape("paywall_continue", r"{}"),  # "para seguir leyendo": an offer only in its context
    "paywall_offer": Shape("paywall_offer", r"{}"),  # "Weiterlesen mit Plus", "Subscribe to read"
    # --- funding_notice --------------------------------------------------------------------------
    # the article (or its making), then the support and the Parliament's name in either order
    # ("This article was produced with the support of the European Parliament", "A cikk az
    # Európai Parlament támogatásával készült"); a label of the support alone ("Supported by
    # the European Parliament"); the Parliament, then the grant's clause ("… was not involved
    # in its preparation")
    "funding_notice": Shape(
        "funding_notice",
        r"(?<!\w)(?:{made})(?!\w).{0,60}?(?:(?:{support}).{0,40}?(?:{parliament})|(?:{parliament}).{0,40}?(?:{support}))"
        r"|^(?:{support}).{0,40}?(?:{parliament})\W*$|(?:{parliament}).{0,80}?(?:{denial})"),
    "views_disclaimer": Shape("views_disclaimer", r"{}"),  # the views named the author's alone
    # --- bylines ---------------------------------------------------------------------------------
    "byline_lead_in": Shape("byline_lead_in", r"{}"),
    "page_lead_in": Shape("page_lead_in", r"{}"),  # Romanian "de", Irish "Le": on their pages only
    "declared_lead_in": Shape("declared_lead_in", r"{}"),  # Catalan "Per": on declared pages only
    "interviewer_credit": Shape("interviewer_credit", r"{}"),  # "Das Gespräch führte", "Ptala se"
    "source_lead_in": Shape("source_lead_in", r"{}"),  # the byline_lead_in words naming a source
    "name_conjunction": Shape("name_separator", r"{}"),  # "and" (the source: each file says)
    "surname_joint": Shape("surname_joint", r"{}"),  # the "and" joining a compound surname's parts
    "byline_tail": Shape("byline_tail", r"{}"),  # the preposition before a place or an outlet
    "other_credit": Shape("other_credit", r"{}"),  # photos, video, graphics
    "not_a_person": Shape("not_a_person", r"{}"),  # admin, editorial desk, super user
    "byline_role": Shape("byline_role", r"{}"),  # reporter, correspondent, commentator
    "office_title": Shape("office_title", r"{}"),  # mayor, minister, spokesperson: a statement's signer
    "news_agency": Shape("news_agency", r"{}"),
    "home_news_agency": Shape("home_news_agency", r"{}"),  # CNA, ANSA alone before a date: on its language's pages  # dpa, AFP, ANSA: a credit kept as an author
    # Stadtwerke, GmbH, Ministerium, Pressestelle: a source's name, no person's
    "organisation": Shape("organisation", r"(?<![^\W\d_])(?:{word})(?![^\W\d_])|(?<=[^\W\d_]{3})(?:{end})(?![^\W\d_])"),
    "given_name": Shape("given_name", r"{}"),  # Δήμος: a municipality, and a first name
    "news_agency_word": Shape("news_agency_word", r"{}"),  # Agenzia Dire, Agência Brasil: an agency's credit
    "definite_article": Shape("definite_article", r"{}"),  # La Redacción, The Newsroom: a desk, no person
    "name_particle": Shape("name_particle", r"{}"),  # de, van, von: a surname's word in lower case
    "episode_word": Shape("episode_word", r"{}"),  # "Episode", "Folge", "Afsnit"
    "duration_label": Shape("duration_label", r"{}"),  # "Duration", "Kesto", "Duur": a media's length
    "listing_label": Shape("listing_label", r"{}"),  # "Tag:", "Kategorie:", "Žyma:"
    "event_word": Shape("event_word", r"{}"),  # "events", "Veranstaltungen", "agenda"
    "contents_label": Shape("contents_label", r"{}"),  # "Au sommaire :", "In this article:"
    "contact_label": Shape("contact_label", r"{}"),  # "Lisätietoja", "Pressekontakt", "Kontakt"
    "paywall_label": Shape("paywall_label", r"{}"),  # "Nur für Abonnenten", "Réservé aux abonnés"
    "record_label": Shape("record_label", r"{}"),  # "Wytworzył", "Opublikował", "Ostatnia zmiana"
    "media_heading": Shape("media_heading", r"{}"),  # "Bildergalerie", "Listen to this article"
    "article_kind": Shape("article_kind", r"{}"),  # commentary, column, interview: no film, novel
    # GmbH, Oy, a.s., S.p.A.: a company's legal form, case and dots exact, after a name's word
    "legal_form": Shape("legal_form", r"(?:(?<=[^\W\d_]{2} )|(?<=[^\W\d_]{2}, ))(?:{})(?![^\W\d_])"),
    # --- template placeholders -------------------------------------------------------------------
    "placeholder": Shape("placeholder", r"{}"),  # "Lorem ipsum dolor sit amet"
    "author_placeholder": Shape("author_placeholder", r"{}"),  # "Author Name", "Your Name", "Max Mustermann"
    "title_placeholder": Shape("title_placeholder", r"{}"),  # "Headline", "Your title here", "Titel"
    # --- sections --------------------------------------------------------------------------------
    "section_lead_in": Shape("section_lead_in", r"{}"),  # "Posted in", "Filed under"
    # --- dates -----------------------------------------------------------------------------------
    # "Aktualisiert" (group updated) or "Erstellt" (group published), a whole word
    "date_label": Shape(
        "date_label", r"(?<![^\W\d_])(?:(?P<updated>{updated})|(?P<published>{published}))(?![^\W\d_])"),
    "time_lead_in": Shape("time_lead_in", r"{}"),  # "at" before a time of day: "um", "kell", "om"
    "time_unit": Shape("time_unit", r"{}"),  # the word after a time of day: "Uhr", "uur", "hod."
    # "am" (group am) or "pm" (group pm) after a twelve-hour clock's time
    "day_half": Shape("day_half", r"(?P<am>{am})|(?P<pm>{pm})"),
    # --- standfirst ------------------------------------------------------------------------------
    "series_name": Shape("series_name", r"{}"),  # "Serie", "series", "série", "sorozat"
}
"""Category → :class:`Shape`. The comments say what a block of the category is."""

COMMON = "common"
"""The file (without ``.toml``) of the phrases no language owns."""

_SLOT = re.compile(r"\{([a-z_]*)\}")
_NEVER = "(?!)"

Phrases = dict[str, tuple[str, ...]]  # slot ("" for a one-slot shape) → phrases


def _slots(shape: str) -> set[str]:
    return set(_SLOT.findall(shape))


@functools.cache
def vocabulary() -> dict[str, dict[str, Phrases]]:
    """File stem (language code, or :data:`COMMON`) → category → slot → phrases, read from the
    packaged ``*.toml`` files in file-name order. Raises :class:`ValueError` for a category
    or slot :data:`SHAPES` does not know, or a value that is not a list of strings."""
    out: dict[str, dict[str, Phrases]] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        stem = entry.name[:-len(".toml")]
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        categories: dict[str, Phrases] = {}
        for category, value in data.items():
            if category not in SHAPES:
                raise ValueError(f"{entry.name}: unknown category {category!r}")
            known = _slots(SHAPES[category].shape)
            table = {"": value} if isinstance(value, list) else value
            if not isinstance(table, dict) or not set(table) <= known:
                raise ValueError(f"{entry.name}: {category}: slots {sorted(table)} not in {sorted(known)}")
            for slot, phrases in table.items():
                if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
                    raise ValueError(f"{entry.name}: {category}.{slot or '[]'}: not a list of phrases")
            categories[category] = {slot: tuple(phrases) for slot, phrases in table.items()}
        out[stem] = categories
    return out


def phrases(category: str, slot: str = "") -> tuple[str, ...]:
    """The phrases (regular-expression fragments) of ``category`` (and ``slot``, for a shape
    with named slots) in every file, duplicates dropped; empty when no file has them."""
    found: dict[str, None] = {}
    for categories in vocabulary().values():
        found.update(dict.fromkeys(categories.get(category, {}).get(slot, ())))
    return tuple(found)


def _fill(shape: str, slots: dict[str, tuple[str, ...]]) -> str:
    """``shape`` with each ``{slot}`` replaced by the alternation of its phrases (``(?!)``, that
    matches nothing, for a slot without phrases)."""
    return _SLOT.sub(lambda m: "|".join(slots.get(m.group(1), ())) or _NEVER, shape)


def source(category: str) -> str:
    """The regular expression of ``category``: its :class:`Shape` filled with the phrases
    (for a ``per_language`` shape, one filled shape per language, as alternatives)."""
    shape = SHAPES[category]
    names = _slots(shape.shape)
    if not shape.per_language:
        return _fill(shape.shape, {slot: phrases(category, slot) for slot in names})
    common = vocabulary().get(COMMON, {}).get(category, {})
    parts = []
    for stem, categories in vocabulary().items():
        own = categories.get(category)
        if stem == COMMON or own is None:
            continue
        parts.append(_fill(shape.shape, {slot: tuple(dict.fromkeys(own.get(slot, ()) + common.get(slot, ())))
                                         for slot in names}))
    return "|".join(parts) or _NEVER


@functools.cache
def pattern(name: str) -> re.Pattern:
    """The compiled pattern ``name`` (a key of :data:`PATTERNS`): the sources of its categories,
    in :data:`SHAPES` order, joined as alternatives into its frame, compiled with its flags.
    Raises :class:`KeyError` for an unknown name."""
    frame = PATTERNS[name]
    joined = "|".join(source(c) for c, s in SHAPES.items() if s.pattern == name)
    return re.compile(frame.frame.replace("{}", joined or _NEVER), frame.flags)


@functools.cache
def language_pattern(name: str, language: str, every_language: bool = True) -> re.Pattern:
    """The compiled pattern ``name`` (a key of :data:`PATTERNS`) filled with the phrases of the
    ``language`` file (an ISO 639-1 code: ``fi``) and of :data:`COMMON` only, for a page that
    declares its language, so a word of another language is not read in it (Estonian ``sari``, a
    series, is Finnish ``Sari``, a first name). For a page that declares none, or a language no
    file holds with a category of ``name``: the pattern of every language (:func:`pattern`), or,
    ``every_language`` false, one that matches nothing (``page_lead_in``: Romanian ``de``, Irish
    ``Le``, words read on a page of their language alone)."""
    files = vocabulary()
    own = files.get(language) if language and language != COMMON else None
    if own is None or not any(c in own for c, s in SHAPES.items() if s.pattern == name):
        return pattern(name) if every_language else re.compile(_NEVER)
    frame, common = PATTERNS[name], files.get(COMMON, {})
    parts = []
    for category, shape in SHAPES.items():
        if shape.pattern != name or (category not in own and category not in common):
            continue
        parts.append(_fill(shape.shape, {slot: tuple(dict.fromkeys(own.get(category, {}).get(slot, ())
                                                                   + common.get(category, {}).get(slot, ())))
                                         for slot in _slots(shape.shape)}))
    return re.compile(frame.frame.replace("{}", "|".join(parts) or _NEVER), frame.flags)
