"""The guide's medical content: sections, questions, the intro, the words to know and sources.

Every user-visible sentence goes through Flask-Babel (``_l`` is lazy, so the text is looked up
in the language of the request that reads it). Question ids are a public contract: printed
links and saved choices use them, so an id never changes when its wording does.

Every factual sentence names the sources it rests on (``sources=``); a test checks that each
of those ids is listed in ``SOURCES``. The facts come from ``shared/content-facts.md`` (only
the items tagged high or medium confidence there) and from the medical editor's audit of
edition 1.0.0 (``shared/reviews/content-audit.md``). Notes marked ``REVIEW:`` name what a
reviewer must still check against the document itself before it may be printed as fact.

A question's ``terms`` name the words of the glossary (``GLOSSARY``) that its why-line uses
for the first time in the guide; the page links each of them to its entry. The link is made
by the template, so translators never see markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l

# Bump on any change of wording or sources: it names the PDF's edition and keys caches.
CONTENT_VERSION = "2.1.0"
LAST_REVIEWED = date(2026, 12, 4)
# The edition that ``CHANGES`` compares this one with.
PREVIOUS_VERSION = "2.0.0"


def ltr(number: str) -> str:
    """A phone number kept in its own left-to-right order inside any sentence.

    In right-to-left text the bidi algorithm reorders digit groups split by spaces
    ("800 911 2000" shows as "2000 911 800"); isolates (U+2066 ... U+2069) prevent that.
    Numbers reach translated sentences only as placeholders filled with this.
    """
    return f"\u2066{number}\u2069"


@dataclass(frozen=True)
class Source:
    id: str
    citation: str  # as published; not translated
    url: str | None
    about: object  # lazy string: what we took from it, in plain words
    also: tuple[str, ...] = ()  # more addresses for the same source (a copy, a register)


@dataclass(frozen=True)
class Question:
    id: str
    text: object
    why: object
    sources: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # glossary ids first used in this why-line


@dataclass(frozen=True)
class Section:
    id: str
    title: object
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Paragraph:
    text: object
    sources: tuple[str, ...] = ()
    # Background nobody needs to pick questions: shown behind a "More detail" opener.
    detail: bool = False


@dataclass(frozen=True)
class IntroPart:
    heading: object
    paragraphs: tuple[Paragraph, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Term:
    """A word to know: the word as the guide uses it, and what it means in plain words."""
    id: str
    word: object
    meaning: object
    sources: tuple[str, ...] = ()


SOURCES: tuple[Source, ...] = (
    Source(
        "spravato-label",
        "Janssen Pharmaceuticals. SPRAVATO (esketamine) nasal spray: US Prescribing "
        "Information and Medication Guide.",
        "https://www.janssenlabels.com/package-insert/product-monograph/"
        "prescribing-information/SPRAVATO-pi.pdf",
        _l("The official US label: who should not use Spravato, side effects, blood pressure "
           "checks, driving, pregnancy, other medicines, and the dosing schedule."),
        # REVIEW: the facts were checked against label texts of 2019-2025. The current label
        # (SPL v18, 13 March 2026) was seen only by its header: recheck before printing.
        ("https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm"
         "?setid=d81a6a79-a74a-44b7-822c-0dfa3036eaed",
         "https://www.janssenlabels.com/package-insert/product-patient-information/"
         "SPRAVATO-medication-guide.pdf"),
    ),
    Source(
        "spravato-rems",
        "SPRAVATO REMS (Risk Evaluation and Mitigation Strategy). US Food and Drug "
        "Administration, last updated 31 December 2024.",
        "https://www.accessdata.fda.gov/scripts/cder/rems/index.cfm"
        "?event=IndvRemsDetails.page&REMS=386",
        _l("The US safety program for Spravato: it is given only in certified settings, "
           "staff watch you for at least 2 hours and until you are ready to leave, and you "
           "never take it home."),
        ("https://www.spravatorems.com/",),
    ),
    Source(
        "spravato-patient",
        "SPRAVATO: safety and tolerability. Janssen Pharmaceuticals (patient website).",
        "https://www.spravato.com/safety-and-tolerability",
        _l("The maker's pages for patients: how it is believed to work, and that side effects "
           "usually go away the same day."),
    ),
    Source(
        "fda-approval-2019",
        "US Food and Drug Administration. FDA approves new nasal spray medication for "
        "treatment-resistant depression; available only at a certified doctor's office or "
        "clinic. News release, 5 March 2019.",
        "https://www.fda.gov/news-events/press-announcements/"
        "fda-approves-new-nasal-spray-medication-treatment-resistant-depression-available-only-certified",
        _l("The first US approval of esketamine, with an antidepressant pill, and the FDA's "
           "description of treatment-resistant depression."),
    ),
    Source(
        "monotherapy-2025",
        "Johnson & Johnson. SPRAVATO (esketamine) approved in the U.S. as the first and only "
        "monotherapy for adults with treatment-resistant depression. Press release, "
        "21 January 2025.",
        "https://www.jnj.com/media-center/press-releases/"
        "spravato-esketamine-approved-in-the-u-s-as-the-first-and-only-monotherapy-for-adults-"
        "with-treatment-resistant-depression",
        _l("The 2025 US approval of Spravato on its own, without an antidepressant pill, for "
           "treatment-resistant depression."),
    ),
    Source(
        "fda-compounded-2023",
        "US Food and Drug Administration. FDA warns patients and health care providers about "
        "potential risks associated with compounded ketamine products, including oral "
        "formulations, for the treatment of psychiatric disorders. 10 October 2023.",
        "https://www.fda.gov/drugs/human-drug-compounding/"
        "fda-warns-patients-and-health-care-providers-about-potential-risks-associated-"
        "compounded-ketamine",
        _l("Ketamine is approved in the US as an anesthetic. The FDA has not approved it for "
           "any mental health condition, and it warned about compounded ketamine used at "
           "home."),
    ),
    Source(
        "sanacora-2017",
        "Sanacora G, Frye MA, McDonald W, et al. A consensus statement on the use of ketamine "
        "in the treatment of mood disorders. JAMA Psychiatry 2017;74(4):399-405. "
        "doi:10.1001/jamapsychiatry.2017.0080",
        "https://doi.org/10.1001/jamapsychiatry.2017.0080",
        _l("An expert consensus: strong short-term effects, but little long-term data on "
           "benefit and safety, and no standard plan for long-term IV treatment."),
    ),
    Source(
        "andrade-2017",
        "Andrade C. Ketamine for depression, 4: In what dose, at what rate, by what route, for "
        "how long, and at what frequency? J Clin Psychiatry 2017;78(7):e852-e857. "
        "doi:10.4088/JCP.17f11738",
        "https://doi.org/10.4088/JCP.17f11738",
        _l("How IV ketamine is usually given, in what dose and how often, and why it is given "
           "as a series."),
    ),
    Source(
        "elekt-d-2023",
        "Anand A, et al. Ketamine versus ECT for nonpsychotic treatment-resistant major "
        "depression. N Engl J Med 2023;388(25):2315-2325. doi:10.1056/NEJMoa2302399",
        "https://doi.org/10.1056/NEJMoa2302399",
        _l("A large study of 403 people without psychosis: IV ketamine, twice a week for 3 "
           "weeks, worked about as well as ECT. Everyone knew which treatment they got."),
        ("https://pubmed.ncbi.nlm.nih.gov/37224232/",),
    ),
    Source(
        "ketect-2022",
        "Ekstrand J, et al. Racemic ketamine as an alternative to electroconvulsive therapy for "
        "unipolar depression: a randomized, open-label, non-inferiority trial (KetECT). Int J "
        "Neuropsychopharmacol 2022;25(5):339-349. doi:10.1093/ijnp/pyab088",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC9154276",
        _l("A smaller study of 186 people in hospital: more people got well with ECT than with "
           "ketamine."),
    ),
    Source(
        "escape-trd-2023",
        "Reif A, et al. Esketamine nasal spray versus quetiapine for treatment-resistant "
        "depression. N Engl J Med 2023;389:1298-1309. doi:10.1056/NEJMoa2304145",
        "https://doi.org/10.1056/NEJMoa2304145",
        _l("A large study: after 8 weeks, 27 in 100 people on esketamine and 18 in 100 on "
           "quetiapine had few or no symptoms. Both groups kept taking an antidepressant "
           "pill. Everyone knew which medicine they got, and people who stopped early were "
           "counted as not well."),
        ("https://repository.uantwerpen.be/link/irua/200542",),
    ),
    Source(
        "sustain-1-2019",
        "Daly EJ, et al. Efficacy of esketamine nasal spray plus oral antidepressant treatment "
        "for relapse prevention in patients with treatment-resistant depression: a randomized "
        "clinical trial (SUSTAIN-1). JAMA Psychiatry 2019;76(9):893-903. "
        "doi:10.1001/jamapsychiatry.2019.1189",
        "https://doi.org/10.1001/jamapsychiatry.2019.1189",
        _l("People who were already well on esketamine and kept using it got sick again less "
           "often than people switched to a placebo. Both groups kept their antidepressant "
           "pill."),
        ("https://pmc.ncbi.nlm.nih.gov/articles/PMC6551577",),
    ),
    Source(
        "sustain-3-2025",
        "Zaki N, et al. Safety and efficacy with esketamine in treatment-resistant depression: "
        "long-term extension study (SUSTAIN-3). Int J Neuropsychopharmacol "
        "2025;28(6):pyaf027. doi:10.1093/ijnp/pyaf027",
        "https://doi.org/10.1093/ijnp/pyaf027",
        _l("A study that followed 1,148 people on Spravato and an antidepressant pill for up to "
           "6.5 years, with no comparison group."),
    ),
    Source(
        "feeney-2023",
        # REVIEW: only the abstract was read; quote no number from the paper before reading it.
        "Feeney A, Hoeppner BB, Freeman MP, et al. Effect of concomitant benzodiazepines on "
        "the antidepressant effects of ketamine: findings from the RAPID intravenous ketamine "
        "study. J Clin Psychiatry 2023;84(1):22m14491.",
        "https://psychiatrist.com/jcp/effect-concomitant-benzodiazepines-antidepressant-effects-"
        "ketamine-findings-rapid-intravenous-ketamine-study",
        _l("A study of one IV ketamine dose. Taking benzodiazepines (sleep or anxiety "
           "medicines) made no clear difference, but higher doses of them went with less "
           "benefit on the first day, not on the third."),
    ),
    Source(
        "livertox",
        "LiverTox: Ketamine. US National Library of Medicine.",
        "https://ncbi.nlm.nih.gov/books/n/livertox/Ketamine/",
        _l("Long-term ketamine use can cause liver injury."),
    ),
    Source(
        "ketamine-bladder-2019",
        # REVIEW: complete the authors and title from the article itself.
        "Ketamine and the urinary tract. Sci Rep 2019;9, article s41598-019-43746-x.",
        "https://www.nature.com/articles/s41598-019-43746-x",
        _l("Bladder damage from ketamine is linked mainly to long-term recreational use."),
    ),
    Source(
        "carepath",
        "SPRAVATO withMe patient support; SPRAVATO affordability. Janssen (SPRAVATO HCP and "
        "Janssen CarePath websites).",
        "https://spravatohcp.com/patient-support",
        _l("In the US: insurance checks and approval before treatment, and the maker's program "
           "that can lower costs, with who can use it."),
        ("https://www.janssencarepath.com/hcp/spravato/affordability",),
    ),
    Source(
        "kinnersley-2008",
        "Kinnersley P, et al. Interventions before consultations to help patients address "
        "their information needs by encouraging question asking: systematic review. "
        "BMJ 2008;337:a485. doi:10.1136/bmj.a485",
        "https://doi.org/10.1136/bmj.a485",
        _l("A review of 33 trials: help before a visit, such as a question list, led people "
           "to ask a few more questions."),
        ("https://pmc.ncbi.nlm.nih.gov/articles/PMC2500196",),
    ),
    Source(
        "ask-3-questions",
        "Shepherd HL, et al. Patient Educ Couns 2011;84(3):379-85; Ask 3 Questions, Essex "
        "Partnership University NHS Foundation Trust.",
        "https://eput.nhs.uk/get-involved/ask-3-questions/",
        _l("Three questions that help people share decisions with their doctor, and the advice "
           "to bring someone with you."),
    ),
    Source(
        "lifeline-988",
        "988 Suicide & Crisis Lifeline.",
        "https://988lifeline.org/",
        _l("The US crisis line: call or text 988, at any time of day or night."),
    ),
    Source(
        "helpline-988-canada",
        "9-8-8 Suicide Crisis Helpline (Canada).",
        "https://988.ca/",
        _l("The Canadian crisis line: call or text 988, at any time, in English or French."),
    ),
    Source(
        "samaritans",
        "Contact a Samaritan. Samaritans (UK and Ireland).",
        "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
        _l("Samaritans in the UK and Ireland: call %(number)s for free, day or night.",
           number=ltr("116 123")),
    ),
    Source(
        "linea-024",
        "Línea 024 de atención a la conducta suicida. Ministerio de Sanidad (Spain); RTVE, "
        "9 May 2022.",
        "https://www.sanidad.gob.es/linea024/home.htm",
        _l("Spain's suicide prevention line: call 024 for free, day or night."),
        ("https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/"
         "2347183.shtml",),
    ),
    Source(
        "linea-de-la-vida",
        "Línea de la Vida. Comisión Nacional de Salud Mental y Adicciones (CONASAMA), "
        "Secretaría de Salud (Mexico); El Universal, 24 December 2025.",
        "https://www.gob.mx/salud/conasama",
        _l("Mexico's free mental health line, %(number)s, open 24 hours.",
           number=ltr("800 911 2000")),
    ),
    Source(
        "numero-3114",
        "3114, numéro national de prévention du suicide.",
        "https://3114.fr/",
        _l("France's suicide prevention line: call 3114 for free, day or night. In danger, "
           "call 15."),
    ),
    Source(
        "telefonseelsorge",
        "TelefonSeelsorge (Germany).",
        "https://www.telefonseelsorge.de/",
        _l("Germany's free and anonymous helpline, open day and night."),
    ),
    Source(
        "cvv-188",
        "CVV: Centro de Valorização da Vida (Brazil).",
        "https://www.cvv.org.br/",
        _l("Brazil's free emotional support line, 188, open 24 hours."),
    ),
    Source(
        "linha-1411",
        "Linha Nacional de Prevenção do Suicídio 1411. SNS 24 (Portugal); 24noticias (SAPO), "
        "10 September 2025.",
        "https://www.sns24.gov.pt/servico/linha-nacional-de-prevencao-do-suicidio/",
        _l("Portugal's free suicide prevention line, 1411, open day and night."),
    ),
    Source(
        "hotline-12356",
        "全国统一心理援助热线12356. People's Daily (人民网), 27 December 2024.",
        # The audit quotes this page at an http:// address only.
        "http://gs.people.com.cn/BIG5/n2/2024/1227/c183356-41089989.html",
        _l("China's national mental health support line, 12356, open at least 18 hours a "
           "day."),
    ),
    Source(
        "tele-manas",
        "Tele-MANAS. Ministry of Health and Family Welfare (India); Mint, 22 July 2023.",
        "https://telemanas.mohfw.gov.in/",
        _l("India's free mental health line: %(number)s or %(other)s, day or night.",
           number=ltr("14416"), other=ltr("1-800-891-4416")),
    ),
)

INTRO: tuple[IntroPart, ...] = (
    IntroPart(
        _l("About this guide"),
        (
            Paragraph(_l("This guide helps you get ready to talk with your doctor about "
                         "ketamine or esketamine for depression.")),
            Paragraph(_l("Pick the questions you want to ask and add your own. Then print your "
                         "list or save it as a PDF, and take it to your visit.")),
            Paragraph(_l("In studies, a written list helped people ask a few more questions "
                         "at a visit."), ("kinnersley-2008",)),
            Paragraph(_l("Many facts here come from the US. Where you live, the rules, brand "
                         "names and costs may differ. Your doctor can tell you what applies "
                         "to you.")),
        ),
    ),
    IntroPart(
        _l("What are ketamine and esketamine?"),
        (
            Paragraph(_l("Ketamine is a medicine first approved in the US in 1970, for "
                         "anesthesia. It blocks one kind of receptor for glutamate, a chemical "
                         "messenger in the brain."), ("spravato-label", "fda-compounded-2023"),
                      detail=True),
            Paragraph(_l("Esketamine is one form of the ketamine molecule. Its brand name is "
                         "Spravato. Experts do not fully know how these medicines ease "
                         "depression."), ("spravato-label", "spravato-patient")),
        ),
    ),
    IntroPart(
        _l("Two ways to get treatment"),
        (
            Paragraph(_l("Spravato is a nasal spray. In the US it is approved for adults with "
                         "treatment-resistant depression. It is also approved for adults with "
                         "depression who have current thoughts of suicide or have acted on "
                         "them, together with an antidepressant pill."),
                      ("spravato-label", "monotherapy-2025")),
            Paragraph(_l("In the US you use Spravato only at a certified clinic or hospital. "
                         "Staff watch you for at least 2 hours, and until they say you are "
                         "ready to leave. You cannot take it home."),
                      ("spravato-label", "spravato-rems")),
            Paragraph(_l("In research and in many clinics, ketamine for depression is given as "
                         "a drip into a vein (IV). Some clinics use other forms. The FDA, the "
                         "US medicines agency, has not approved ketamine for any mental health "
                         "condition, so this use is called off-label."),
                      ("andrade-2017", "fda-compounded-2023")),
        ),
    ),
)

# The guide in six lines, for a reader who reads nothing else (PEMAT-P asks for a summary).
# Each rests on the sources of the sentences it sums up, in the intro and the questions.
KEY_POINTS: tuple[Paragraph, ...] = (
    Paragraph(_l("Spravato is esketamine as a nasal spray. In the US you use it only at a "
                 "certified clinic, while staff watch."), ("spravato-label", "spravato-rems")),
    Paragraph(_l("IV ketamine is a drip into a vein. In the US, it is not approved for "
                 "depression, so this use is called off-label."),
              ("andrade-2017", "fda-compounded-2023")),
    Paragraph(_l("After Spravato, staff watch you for at least 2 hours, and until they say you "
                 "are ready to leave."), ("spravato-label", "spravato-rems")),
    Paragraph(_l("Feeling spaced out, dizzy or sick is common. Most side effects go away the "
                 "same day."), ("spravato-label", "spravato-patient")),
    Paragraph(_l("Do not drive until the next day, after a good night's sleep. Someone else "
                 "needs to take you home."), ("spravato-label",)),
    Paragraph(_l("It does not help everyone. Ask what the next step would be if it does not "
                 "help you."), ("escape-trd-2023",)),
)

# What the printed paper is for, one line under its title.
PAPER_PURPOSE = _l("Take this paper to your visit. It helps you ask your questions and keep "
                   "the answers.")

# "How to use this list": a numbered box on page 1 of every printed list (PEMAT-P asks for
# steps a reader can take). The first step depends on whether the list is every question
# (tick what you want to ask) or the person's own choice (tick what you have asked).
HOW_TO_FIRST_STEP = {
    "whole": _l("Tick the questions you want to ask."),
    "chosen": _l("Tick each question when you have asked it."),
}
HOW_TO_STEPS: tuple[Paragraph, ...] = (
    Paragraph(_l("Ask your 3 most important questions first.")),
    Paragraph(_l("Bring this paper to your visit. If you can, bring someone you trust."),
              ("ask-3-questions",)),
    Paragraph(_l("Write the answers on the lines.")),
    Paragraph(_l("If an answer is not clear, say: \"Can you explain that another way?\"")),
)

NOT_ADVICE = _l("This guide does not give medical advice. It helps you ask questions. Only your "
                "own doctor can tell you what is right for you.")


@dataclass(frozen=True)
class ScheduleLine:
    when: object
    how_often: object
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Schedule:
    section: str  # the section of the guide page that shows it
    title: object
    for_whom: object
    lines: tuple[ScheduleLine, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Every line's sources, once each: the box shows them in one line."""
        return tuple(dict.fromkeys(sid for line in self.lines for sid in line.sources))


# The Spravato schedule as a small box on the guide page: "Weeks 1-4... Weeks 5-8...".
SCHEDULE = Schedule(
    "schedule",
    _l("How often Spravato is given"),
    _l("For treatment-resistant depression, in the US label:"),
    (
        ScheduleLine(_l("Weeks 1–4"), _l("twice a week"), ("spravato-label",)),
        ScheduleLine(_l("Weeks 5–8"), _l("once a week"), ("spravato-label",)),
        ScheduleLine(_l("After that"), _l("once a week or every 2 weeks"), ("spravato-label",)),
    ),
)

# "If you feel worse": on the page and on page 1 of every printed list, above the questions.
# The crisis line itself is the "Need help now?" box beside it (crisis.py).
FEEL_WORSE_TITLE = _l("If you feel worse")
FEEL_WORSE: tuple[Paragraph, ...] = (
    Paragraph(_l("Watch for a worse mood or new thoughts of suicide, most of all early in "
                 "treatment and after a dose change."), ("spravato-label",)),
    # REVIEW: "call your clinic that day" is the step issue 12 asks for, not a fact from the
    # label or any source here: a clinician should confirm it before it is printed as such.
    Paragraph(_l("If your mood gets worse, call your clinic that day.")),
)


SECTIONS: tuple[Section, ...] = (
    Section("right-for-me", _l("Is this treatment right for me?"), (
        Question("why-me",
                 _l("Why do you think ketamine or esketamine could help me?"),
                 _l("Your doctor can explain how it fits your own history.")),
        Question("trd-meaning",
                 _l("Do I have treatment-resistant depression? What does that mean for me?"),
                 _l("Treatment-resistant depression often means that at least two "
                    "antidepressants have not helped during this episode of depression. Each "
                    "was taken at a good dose and for long enough."),
                 ("fda-approval-2019", "escape-trd-2023"), ("trd",)),
        Question("tried-before",
                 _l("Is there anything I should try before this, or along with it?"),
                 _l("A list of the medicines and therapies you have tried, and how they went, "
                    "helps your doctor see the whole picture.")),
        Question("other-options",
                 _l("What other options do I have, such as other medicines, talk therapy or "
                    "ECT?"),
                 _l("In one large study, ketamine drips worked about as well as ECT. In a "
                    "smaller study of people in hospital, ECT worked better."),
                 ("elekt-d-2023", "ketect-2022"), ("ect",)),
        Question("health-problems",
                 _l("Do any of my health problems mean I should not take it?"),
                 _l("Some people should not use esketamine. This includes people with certain "
                    "blood vessel problems, past bleeding in the brain, or an allergy to "
                    "ketamine."),
                 ("spravato-label",)),
        Question("lungs-liver",
                 _l("I have lung problems, sleep apnea or liver disease. Does that change "
                    "anything?"),
                 _l("With some liver disease, you may need to be watched for longer after a "
                    "dose. The label advises against Spravato if liver disease is severe. It "
                    "also warns that Spravato can slow your breathing."),
                 ("spravato-label",), ("spravato", "label")),
        Question("psychosis-bipolar",
                 _l("I have had psychosis, mania or bipolar disorder. Does that matter?"),
                 _l("If you have had psychosis, the label asks doctors to check carefully "
                    "first. Studies mostly left out people with bipolar disorder, so less is "
                    "known."),
                 ("spravato-label", "elekt-d-2023"), ("psychosis",)),
        Question("trauma-panic",
                 _l("I have had trauma, panic attacks or scary drug experiences. How will you "
                    "support me? Can I stop a session?"),
                 _l("During a session, some people feel anxious, have flashbacks or see things "
                    "that are not there. You can plan with staff what to do if you feel "
                    "scared."),
                 ("spravato-label",)),
        Question("older-adult",
                 _l("I am 65 or older. Is the benefit, dose or risk different for me?"),
                 # REVIEW: the label also gives people aged 65 and over a different starting
                 # dose; its current wording was not verified, so it is not printed.
                 _l("In studies of people aged 65 and older, a big rise in blood pressure "
                    "happened to 17 in 100 on Spravato. It happened to 2 in 100 on a "
                    "placebo."),
                 ("spravato-label",), ("placebo",)),
    )),
    Section("any-decision", _l("Questions for any treatment choice"), (
        Question("options",
                 _l("What are my options?"),
                 _l("This is one of the Ask 3 Questions. The NHS, the public health service in "
                    "the UK, uses them to help people make choices with their doctor."),
                 ("ask-3-questions",)),
        Question("benefits-risks",
                 _l("What are the possible benefits and risks of each option for me?"),
                 _l("Knowing both helps you weigh them against what matters to you.")),
        Question("how-likely",
                 _l("How likely are those benefits and risks?"),
                 _l("You can ask for numbers instead of words like 'often' or 'rare'.")),
        Question("support",
                 _l("How can I get support to make the choice that is right for me?"),
                 _l("You do not have to make this choice alone.")),
        Question("care-plan",
                 _l("How does this fit my whole care plan? Who is in charge, and do I keep my "
                    "therapist and pills?"),
                 # REVIEW: the audit also cites the American Society of Anesthesiologists for
                 # "part of a comprehensive plan with a defined course and end point"; that
                 # text was not read here, so only the consensus statement is used.
                 _l("Before ketamine, experts advise a full check of your mental health and the "
                    "treatments you have tried. It also helps to know who is in charge of your "
                    "care, what the goal is, and when to stop."),
                 ("sanacora-2017",)),
        Question("consent",
                 _l("What will I be asked to read and sign?"),
                 _l("In the US, a clinic must sign you up for the Spravato safety program "
                    "before your first dose. You also get a leaflet called the Medication "
                    "Guide."),
                 ("spravato-rems", "spravato-label")),
        Question("bring-someone",
                 _l("Can I bring a family member or friend to my visits?"),
                 _l("Ask 3 Questions leaflets suggest bringing someone you trust."),
                 ("ask-3-questions",)),
    )),
    Section("how-it-works", _l("How it works and how fast"), (
        Question("how-works",
                 _l("How do ketamine and esketamine work in the brain?"),
                 _l("They act on glutamate, a chemical messenger. Experts do not fully know "
                    "how they ease depression."),
                 ("spravato-label", "spravato-patient")),
        Question("how-fast",
                 _l("How soon might I feel a change?"),
                 _l("In studies, some people felt better within hours or a day. For others it "
                    "took longer, or it did not help."),
                 ("andrade-2017", "monotherapy-2025", "escape-trd-2023")),
        Question("chance-of-help",
                 _l("Out of 100 people like me, how many are helped?"),
                 _l("In one large study, 27 in 100 people who used esketamine had few or no "
                    "signs of depression (remission) after 8 weeks. So did 18 in 100 who took "
                    "another medicine, quetiapine. Both groups also kept taking an "
                    "antidepressant pill."),
                 ("escape-trd-2023",), ("remission",)),
        Question("how-long-effect",
                 _l("How long does the effect of one treatment usually last?"),
                 # REVIEW: edition 1.0.0 said "within 3 to 12 days"; that figure is in neither
                 # source cited here. Restore it only after checking Andrade's part 1
                 # (J Clin Psychiatry 2017;78(4):e415) and citing it.
                 _l("After one IV ketamine dose, the benefit often wears off within days to a "
                    "couple of weeks. That is why it is given as a series."),
                 ("andrade-2017", "sanacora-2017"), ("iv",)),
        Question("how-measure",
                 _l("How will we know if it is working?"),
                 _l("For Spravato, the label says to check whether to go on after the first 4 "
                    "weeks."),
                 ("spravato-label",)),
    )),
    Section("iv-or-spray", _l("IV ketamine or Spravato nasal spray"), (
        Question("which-form",
                 _l("Which form would you suggest for me, IV ketamine or Spravato? Why?"),
                 _l("They are given in different ways, follow different rules and are paid for "
                    "in different ways."),
                 ("spravato-rems", "andrade-2017", "carepath")),
        Question("approved-or-off-label",
                 _l("Is the treatment you suggest approved for depression, or used "
                    "off-label?"),
                 _l("In the US, Spravato is approved for some adults with depression. IV "
                    "ketamine is not, so using it for depression is off-label."),
                 ("spravato-label", "fda-compounded-2023"), ("off-label",)),
        Question("with-antidepressant",
                 _l("Will I need to take an antidepressant pill as well?"),
                 _l("In the US, Spravato was first approved for use with an antidepressant "
                    "pill. Since 2025, in the US, it can also be used on its own for "
                    "treatment-resistant depression."),
                 ("fda-approval-2019", "monotherapy-2025", "spravato-label")),
        Question("evidence",
                 _l("What does research show about each option, and how strong is it?"),
                 _l("Experts say there is still little long-term research, most of all for IV "
                    "ketamine."),
                 ("sanacora-2017",)),
        Question("at-home",
                 _l("What about ketamine taken at home, for example from an online service?"),
                 _l("In 2023 the FDA warned about compounded ketamine for use at home. At "
                    "home, no nurse or doctor is there to watch you."),
                 ("fda-compounded-2023",), ("compounded",)),
    )),
    Section("safety", _l("Safety and side effects"), (
        Question("side-effects",
                 _l("What side effects are common, and how long do they last?"),
                 _l("The most common side effect of esketamine is dissociation: feeling "
                    "detached or spaced out. Dizziness, nausea and sleepiness are common too. "
                    "Most go away the same day."),
                 ("spravato-label", "spravato-patient"), ("dissociation",)),
        Question("dissociation",
                 _l("What might it feel like during a session, and what will staff do if I "
                    "feel scared?"),
                 _l("Many people notice changes in how they sense time, space or themselves "
                    "during a session."),
                 ("spravato-label",)),
        Question("blood-pressure-first",
                 _l("Will you check my blood pressure and heart first? What if my blood "
                    "pressure is high?"),
                 _l("The Spravato label asks staff to check your blood pressure before each "
                    "dose. If it is high, for example over 140/90, your doctor weighs the "
                    "risk first."),
                 ("spravato-label",)),
        Question("blood-pressure",
                 _l("How will my blood pressure be checked, and what if it goes up?"),
                 _l("Blood pressure can rise after a dose. With Spravato it is highest about 40 "
                    "minutes after and lasts about 4 hours. Staff check it before the dose, "
                    "about 40 minutes after, and before you leave."),
                 ("spravato-label", "spravato-rems")),
        Question("breathing",
                 _l("Could it affect my breathing? How will you watch for that?"),
                 # REVIEW: the pulse oximeter is in the REMS of 12/2024, not in the 2019 one;
                 # the date it started was not verified, so no date is printed.
                 _l("The Spravato label warns about slowed breathing. In the US, the Spravato "
                    "safety program (REMS) says clinics must have a device that checks the "
                    "oxygen in your blood."),
                 ("spravato-label", "spravato-rems"), ("rems",)),
        Question("bladder-liver",
                 _l("Can it harm my bladder or liver? Will I need any tests?"),
                 _l("Bladder and liver problems have been linked mostly to long-term or heavy "
                    "use of ketamine. The Spravato label also warns about an inflamed bladder. "
                    "In studies, bladder problems were more common than with a placebo. Tell "
                    "staff if it hurts to pee or you need to pee more often."),
                 ("ketamine-bladder-2019", "livertox", "spravato-label")),
        Question("substance-use",
                 _l("I have had problems with alcohol or drugs. How does that affect this "
                    "treatment?"),
                 _l("Ketamine and esketamine can be misused. Doctors are asked to check each "
                    "person's risk first."),
                 ("spravato-label",)),
        Question("other-medicines",
                 _l("Could my other medicines, supplements or alcohol mix badly with it?"),
                 _l("Sleep or anxiety medicines, opioids and alcohol can make you more sleepy. "
                    "Stimulants can raise blood pressure. So can an older type of antidepressant "
                    "called an MAOI."),
                 ("spravato-label",), ("maoi",)),
        Question("medicines-blunt",
                 _l("Could any of my medicines make it work less well?"),
                 # REVIEW: from the paper's abstract only: no clear difference overall, less
                 # benefit on day 1 with higher benzodiazepine doses. Keep "mixed" until the
                 # paper itself is read.
                 _l("One study looked at whether sleep or anxiety medicines called "
                    "benzodiazepines weaken the effect of ketamine. The results were mixed. "
                    "Please do not stop any medicine on your own: ask your doctor first."),
                 ("feeney-2023",)),
        Question("pregnancy",
                 _l("Is it safe if I am pregnant, trying to get pregnant or breastfeeding?"),
                 _l("The Spravato label advises against using it while you are pregnant or "
                    "breastfeeding. It may harm the baby."),
                 ("spravato-label",)),
        Question("thinking",
                 _l("Could it affect my memory or how clearly I think?"),
                 _l("For a short time after a dose, Spravato can make it hard to think clearly. "
                    "In studies, this was back to normal by 2 hours. Effects past 1 year have "
                    "not been studied."),
                 ("spravato-label",)),
        Question("dependence",
                 _l("Can I become dependent on it? What happens when I stop?"),
                 # REVIEW: edition 1.0.0 said withdrawal can happen "if treatment stops
                 # suddenly"; that wording was not found in the label. Check section 9.3.
                 _l("Some people come to depend on ketamine or esketamine. People who used a "
                    "lot of ketamine for a long time felt unwell when they stopped."),
                 ("spravato-label",)),
        Question("long-term-safety",
                 _l("What is known about safety over many years?"),
                 _l("One study followed people on Spravato for up to 6.5 years, with no "
                    "comparison group. There is less long-term data for IV ketamine."),
                 ("sustain-3-2025", "sanacora-2017")),
    )),
    Section("treatment-day", _l("What a treatment day looks like"), (
        Question("visit-length",
                 _l("How long will each visit take, from start to finish?"),
                 _l("After a Spravato dose, you stay at the clinic for at least 2 hours, and "
                    "until staff say you can leave. With check-in and 5 minutes between "
                    "sprays, the visit takes longer."),
                 ("spravato-label", "spravato-rems")),
        Question("before-session",
                 _l("Can I eat, drink or take my usual medicines before a session?"),
                 _l("Do not eat for at least 2 hours before your dose. Do not drink for at "
                    "least 30 minutes before it. The Spravato label asks this because the "
                    "medicine can make you feel sick."),
                 ("spravato-label",)),
        Question("nasal-sprays",
                 _l("I use a nasal spray for my nose or allergies. When should I use it?"),
                 _l("Some nose sprays are for allergies or a blocked nose, such as steroid or "
                    "decongestant sprays. If you use one, use it at least 1 hour before your "
                    "Spravato dose, as the label says."),
                 ("spravato-label",)),
        Question("iv-monitoring",
                 _l("For IV ketamine, who gives it? How will you watch me during and after "
                    "the drip?"),
                 # REVIEW: the audit cites the American Society of Anesthesiologists' guidance
                 # and Sanacora 2017 for continuous blood pressure, heart and oxygen
                 # monitoring and emergency equipment. Neither text was read here: add those
                 # details only after checking them.
                 _l("The US safety program for Spravato does not cover IV ketamine. Ketamine "
                    "can raise blood pressure and slow breathing, so it helps to know who "
                    "watches you and what training they have."),
                 ("spravato-rems", "fda-compounded-2023", "sanacora-2017")),
        Question("driving",
                 _l("Who can take me home, and when can I drive again?"),
                 _l("After Spravato, do not drive until the next day, after a good night's "
                    "sleep. Plan for someone else to take you home."),
                 ("spravato-label",)),
        Question("during-session",
                 _l("What happens during a session? Can someone stay with me?"),
                 _l("Knowing what to expect can make the first visit feel less stressful.")),
        Question("after-session",
                 _l("If I feel unwell after I get home, who should I call?"),
                 _l("It helps to know who to call outside clinic hours.")),
    )),
    Section("schedule", _l("Schedule and how long it lasts"), (
        Question("how-often",
                 _l("How often will I need treatment at the start?"),
                 # Spravato's schedule is the box at the top of this section (SCHEDULE).
                 _l("In one large study, IV ketamine was given twice a week for 3 weeks."),
                 ("elekt-d-2023",)),
        Question("after-first-weeks",
                 _l("What happens after the first weeks? How often will I keep coming?"),
                 _l("For depression with thoughts of suicide, Spravato is given twice a week "
                    "for 4 weeks; longer use has not been studied."),
                 ("spravato-label",)),
        Question("how-long-total",
                 _l("How long might I stay on this treatment? How will we decide when to "
                    "stop?"),
                 _l("There is no standard plan for how long IV ketamine should go on."),
                 ("sanacora-2017",)),
        Question("missed-session",
                 _l("What if I miss a session or want to take a break?"),
                 _l("If you miss a Spravato session and feel no worse, the label says to go on "
                    "as planned. If your depression got worse, your doctor may go back to the "
                    "earlier schedule."),
                 ("spravato-label",)),
        Question("relapse",
                 _l("What happens if my depression comes back?"),
                 _l("In one study, people who got well on esketamine and kept using it were "
                    "less likely to get sick again (a relapse) than people who switched to a "
                    "placebo. Both groups kept taking their pill."),
                 ("sustain-1-2019",), ("relapse",)),
    )),
    Section("costs", _l("Costs and insurance"), (
        Question("cost",
                 _l("What will each session cost, and what will the whole course cost?"),
                 _l("For Spravato in the US, the medicine and the time at the clinic may be "
                    "billed separately."),
                 ("carepath",)),
        Question("insurance",
                 _l("Will my insurance pay for it? Do you need my insurer's approval first?"),
                 _l("In the US, the clinic checks what your health plan will pay before you "
                    "start Spravato. Your plan may need to say yes first."),
                 ("carepath",)),
        Question("help-paying",
                 _l("Is there help with paying, such as a savings program?"),
                 _l("In the US, the maker of Spravato has a program that can lower costs for "
                    "some people with private insurance. It is not for people with Medicare, "
                    "Medicaid or other government plans. It is not offered in every state, "
                    "and it may change."),
                 ("carepath",)),
        Question("other-costs",
                 _l("Are there other costs, such as extra visits, tests or travel?"),
                 _l("Travel, time off work and rides home can add up.")),
    )),
    Section("if-not-working", _l("If it does not work or I feel worse"), (
        Question("not-helping",
                 _l("What will we do if it does not help me?"),
                 _l("Not everyone is helped. It is good to know the next step before you "
                    "start."),
                 ("escape-trd-2023",)),
        Question("feel-worse",
                 _l("What should I do if I feel worse, or have thoughts of suicide, during "
                    "treatment?"),
                 _l("Watch for a worse mood or new thoughts of suicide, and ask your family to "
                    "watch too, as the label asks. This matters most early on and after a dose "
                    "change."),
                 ("spravato-label",)),
        Question("suicide-risk",
                 _l("Will this treatment lower my risk of suicide?"),
                 _l("Spravato has not been shown to prevent suicide or to reduce thoughts of "
                    "suicide. It does not replace a hospital stay when one is needed."),
                 ("spravato-label",)),
        Question("young-adult",
                 _l("I am 24 or younger. Does that change anything?"),
                 _l("In short studies, people aged 24 and under had more thoughts of suicide on "
                    "antidepressants. So all of these medicines, Spravato too, carry a "
                    "warning."),
                 ("spravato-label",)),
    )),
)

# Words to know: each is linked from the why-line that uses it first (``Question.terms``).
GLOSSARY: tuple[Term, ...] = (
    Term("trd", _l("Treatment-resistant depression"),
         _l("Depression that has not gotten better after at least two antidepressants. Each "
            "was taken at a good dose and for long enough.")),
    Term("ect", _l("ECT"),
         _l("Electroconvulsive therapy. A doctor passes a small electric current through the "
            "brain while you are asleep, to treat depression.")),
    Term("psychosis", _l("Psychosis"),
         _l("Losing touch with what is real.")),
    Term("placebo", _l("Placebo"),
         _l("A dummy treatment that looks like the real one but has no medicine in it. "
            "Studies compare a medicine with a placebo to see what the medicine itself does.")),
    Term("remission", _l("Remission"),
         _l("When depression has gone away or almost gone away, so you have few or no "
            "symptoms.")),
    Term("off-label", _l("Off-label"),
         _l("Using a medicine for something it is not approved for. For example, ketamine is "
            "approved for anesthesia, not for depression.")),
    Term("compounded", _l("Compounded"),
         _l("Mixed by a pharmacy, not made by a drug company. In the US, the FDA does not "
            "check compounded medicines before they are used.")),
    Term("dissociation", _l("Dissociation"),
         _l("Feeling cut off from yourself or what is around you, or spaced out. Time, space "
            "or your body may feel strange for a while.")),
    Term("rems", _l("REMS"),
         _l("A US safety program that the FDA sets for some medicines. For Spravato, it says "
            "where it is given and how long staff watch you.")),
    Term("maoi", _l("MAOI"),
         _l("An older type of antidepressant. Taken with Spravato, it can raise blood "
            "pressure.")),
    Term("relapse", _l("Relapse"),
         _l("When depression comes back after it got better.")),
    Term("spravato", _l("Spravato"),
         _l("The brand name of esketamine nasal spray. In the US you use it only at a "
            "certified clinic, while staff watch."), ("spravato-label", "spravato-rems")),
    Term("iv", _l("IV"),
         _l("Into a vein. IV ketamine is given as a drip into a vein."), ("andrade-2017",)),
    Term("label", _l("The label"),
         _l("The official information about a medicine, agreed with the medicines agency. It "
            "says what the medicine is approved for, how it is given and its warnings."),
         ("spravato-label",)),
)

# The words a printed question itself uses, by question. The PDF has no glossary: under the
# first printed question that uses a word, it prints what the word means (``first_uses``).
TERMS_IN_QUESTIONS: dict[str, tuple[str, ...]] = {
    "trd-meaning": ("trd",),
    "psychosis-bipolar": ("psychosis",),
    "other-options": ("ect",),
    "which-form": ("iv", "spravato"),
    "approved-or-off-label": ("off-label",),
    "iv-monitoring": ("iv",),
}

# What moved since the previous edition, for a clinician who printed it.
CHANGES: tuple[object, ...] = (
    _l("The printed list starts with what it is for, how to use it and the key points, with "
       "lines for your clinic's phone numbers and your ride home. It shows the treatment day "
       "in pictures, in larger type."),
    _l("A box on the page and on every printed list says what to do if you feel worse."),
    _l("Care steps now speak to you, and the Spravato schedule is shown week by week."),
    _l("Each sentence names its sources in one small line instead of numbers in the text. "
       "Background you do not need to pick questions is under “More detail”."),
    _l("The printed list explains IV, ECT, Spravato and off-label where they first appear. "
       "IV, Spravato and the label are new in the list of words to know."),
)


@dataclass(frozen=True)
class Catalog:
    """Lookups over the content, built once."""
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    glossary: tuple[Term, ...] = ()
    terms_in_questions: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "_questions", {
            q.id: (section, q) for section in self.sections for q in section.questions})
        object.__setattr__(self, "_sources", {s.id: s for s in self.sources})
        object.__setattr__(self, "_terms", {t.id: t for t in self.glossary})

    def question(self, qid: str) -> Question:
        return self._questions[qid][1]

    def section_of(self, qid: str) -> Section:
        return self._questions[qid][0]

    def has_question(self, qid: str) -> bool:
        return qid in self._questions

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(self._questions)

    def source(self, sid: str) -> Source:
        return self._sources[sid]

    def source_number(self, sid: str) -> int:
        return [s.id for s in self.sources].index(sid) + 1

    def term(self, tid: str) -> Term:
        return self._terms[tid]

    def first_uses(self, questions) -> dict[str, tuple[Term, ...]]:
        """For questions in the order they print: the words each uses before any other."""
        seen, found = set(), {}
        for q in questions:
            new = [t for t in self.terms_in_questions.get(q.id, ()) if t not in seen]
            seen.update(new)
            if new:
                found[q.id] = tuple(self.term(t) for t in new)
        return found


CATALOG = Catalog(SECTIONS, SOURCES, GLOSSARY, TERMS_IN_QUESTIONS)
