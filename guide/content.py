"""The guide's medical content: sections, questions, the intro and their sources.

Every user-visible sentence goes through Flask-Babel (``_l`` is lazy, so the text is looked up
in the language of the request that reads it). Question ids are a public contract: printed
links and saved choices use them, so an id never changes when its wording does.

Every factual sentence names the sources it rests on (``sources=``); a test checks that each
of those ids is listed in ``SOURCES``. The facts come from ``shared/content-facts.md`` and only
from the items tagged high or medium confidence there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l

# Bump on any change of wording or sources: it names the PDF's edition and keys caches.
CONTENT_VERSION = "1.0.0"
LAST_REVIEWED = date(2026, 11, 27)


@dataclass(frozen=True)
class Source:
    id: str
    citation: str  # as published; not translated
    url: str | None
    about: object  # lazy string: what we took from it, in plain words


@dataclass(frozen=True)
class Question:
    id: str
    text: object
    why: object
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    id: str
    title: object
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Paragraph:
    text: object
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class IntroPart:
    heading: object
    paragraphs: tuple[Paragraph, ...] = field(default_factory=tuple)


SOURCES: tuple[Source, ...] = (
    Source(
        "spravato-label",
        "Spravato (esketamine) nasal spray: US Prescribing Information and Medication Guide. "
        "Janssen Pharmaceuticals.",
        "https://pillsync.com/drug/spravato-esketamine-hydrochloride-solution/"
        "janssen-pharmaceuticals-inc/ndc/d81a6a79-a74a-44b7-822c-0dfa3036eaed",
        _l("The official US label: who should not take Spravato, side effects, blood pressure "
           "checks, driving, pregnancy, other medicines, and the dosing schedule."),
    ),
    Source(
        "spravato-rems",
        "Spravato REMS (Risk Evaluation and Mitigation Strategy). US Food and Drug "
        "Administration, last updated 31 December 2024.",
        "https://www.accessdata.fda.gov/scripts/cder/rems/index.cfm"
        "?event=IndvRemsDetails.page&REMS=386",
        _l("The FDA safety program: Spravato is given only in certified settings, with at "
           "least 2 hours of monitoring, and never taken home."),
    ),
    Source(
        "spravato-patient",
        "Spravato for treatment-resistant depression; Safety and tolerability. Janssen "
        "Pharmaceuticals (patient website).",
        "https://www.spravato.com/safety-and-tolerability",
        _l("The maker's pages for patients: how it is believed to work, and that side effects "
           "usually go away the same day."),
    ),
    Source(
        "fda-approval-2019",
        "FDA approves new nasal spray medication for treatment-resistant depression. FDA news "
        "release, 5 March 2019 (as quoted by SILive).",
        "https://www.silive.com/news/2019/03/fda-approves-new-nasal-spray-to-treat-depression.html",
        _l("The first US approval of esketamine, with an oral antidepressant, and the FDA's "
           "description of treatment-resistant depression."),
    ),
    Source(
        "monotherapy-2025",
        "J&J: FDA approves first monotherapy for treatment-resistant depression. Becker's "
        "Hospital Review, January 2025.",
        "https://www.beckershospitalreview.com/pharmacy/"
        "j-j-approves-1st-monotherapy-for-treatment-resistant-depression.html",
        _l("The 2025 US approval of Spravato on its own, without an antidepressant pill."),
    ),
    Source(
        "fda-compounded-2023",
        "FDA warns of dangers of compounded ketamine for psychiatric disorders. Drugs.com "
        "news, October 2023.",
        "https://www.drugs.com/news/fda-warns-dangers-compounded-ketamine-psychiatric-115482.html",
        _l("The FDA has not approved ketamine for any mental health condition, and warned about "
           "compounded ketamine used at home."),
    ),
    Source(
        "sanacora-2017",
        "Sanacora G, et al. A consensus statement on the use of ketamine in the treatment of "
        "mood disorders. JAMA Psychiatry 2017;74(4):399-405.",
        "https://doi.org/10.1001/jamapsychiatry.2017.0080",
        _l("An expert statement: strong short-term effects, but little long-term data on "
           "benefit and safety, and no standard plan for ongoing IV treatment."),
    ),
    Source(
        "andrade-2017",
        "Andrade C. On ketamine for depression: dosing, administration and duration. "
        "J Clin Psychiatry 2017;78(7):e852.",
        "https://dev2.psychiatrist.com/jcp/ketamine-for-depression-dosing-administration-and-duration",
        _l("How IV ketamine is usually given, how fast it can work, and how long a single "
           "dose's benefit tends to last."),
    ),
    Source(
        "elekt-d-2023",
        "Anand A, et al. ELEKT-D trial: IV ketamine compared with ECT for "
        "treatment-resistant depression. N Engl J Med 2023.",
        "https://pubmed.ncbi.nlm.nih.gov/37224232/",
        _l("A large trial in which IV ketamine, twice a week for 3 weeks, worked at least as "
           "well as ECT."),
    ),
    Source(
        "escape-trd-2023",
        "ESCAPE-TRD Investigators. Esketamine nasal spray versus quetiapine for "
        "treatment-resistant depression. N Engl J Med 2023.",
        "https://repository.uantwerpen.be/link/irua/200542",
        _l("A large trial: after 8 weeks, 27 in 100 people on esketamine and 18 in 100 on "
           "quetiapine were in remission."),
    ),
    Source(
        "sustain-1-2019",
        "Daly EJ, et al. SUSTAIN-1 relapse-prevention trial of esketamine nasal spray. "
        "JAMA Psychiatry 2019;76(9):893-903.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC6551577",
        _l("People who were doing well and kept taking esketamine relapsed less often than "
           "people switched to a placebo."),
    ),
    Source(
        "livertox",
        "LiverTox: Ketamine. US National Library of Medicine.",
        "https://ncbi.nlm.nih.gov/books/n/livertox/Ketamine/",
        _l("Long-term ketamine use can cause liver injury."),
    ),
    Source(
        "ketamine-bladder-2019",
        "Scientific Reports 2019, article s41598-019-43746-x: ketamine and the urinary tract.",
        "https://www.nature.com/articles/s41598-019-43746-x",
        _l("Bladder damage from ketamine is linked mainly to long-term recreational use."),
    ),
    Source(
        "carepath",
        "Spravato affordability; Acquiring Spravato. Janssen CarePath and Spravato HCP "
        "websites.",
        "https://www.janssencarepath.com/hcp/spravato/affordability",
        _l("Insurance checks and prior approval before treatment, and the maker's savings "
           "program and who can use it."),
    ),
    Source(
        "kinnersley-2008",
        "Kinnersley P, et al. Review of interventions before consultations (33 trials). "
        "BMJ 2008;337:a485.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC2500196",
        _l("A review of 33 trials: question lists before a visit help people ask more "
           "questions."),
    ),
    Source(
        "ask-3-questions",
        "Shepherd HL, et al. Patient Educ Couns 2011;84:379-85; Ask 3 Questions, Essex "
        "Partnership University NHS Foundation Trust.",
        "https://eput.nhs.uk/get-involved/ask-3-questions/",
        _l("Three questions that help people share decisions with their doctor, and the advice "
           "to bring someone with you."),
    ),
    Source(
        "lifeline-988",
        "988 Suicide & Crisis Lifeline.",
        "https://en.wikipedia.org/wiki/Suicide_and_Crisis_Lifeline",
        _l("The US crisis line: call or text 988, at any time of day or night."),
    ),
    Source(
        "helpline-988-canada",
        "9-8-8 Suicide Crisis Helpline launches in Canada. Global News, November 2023.",
        "https://globalnews.ca/news/9852199/",
        _l("The Canadian crisis line: call or text 988, at any time, in English or French."),
    ),
    Source(
        "samaritans",
        "Contact a Samaritan. Samaritans (UK and Ireland).",
        "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
        _l("Samaritans in the UK and Ireland: call 116 123 for free, day or night."),
    ),
    Source(
        "linea-024",
        "Línea 024 de atención a la conducta suicida, Ministerio de Sanidad. RTVE news, "
        "9 May 2022.",
        None,
        _l("Spain's suicide prevention line: call 024 for free, day or night."),
    ),
    Source(
        "linea-de-la-vida",
        "Línea de la Vida, Secretaría de Salud (CONASAMA). Al Momento, Mexico.",
        "https://almomento.mx/?p=1169021",
        _l("Mexico's free mental health line, 800 911 2000, open 24 hours."),
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
        "TelefonSeelsorge. Domradio.de glossary.",
        "https://www.domradio.de/glossar/telefonseelsorge-0",
        _l("Germany's free and anonymous helpline, open day and night."),
    ),
    Source(
        "cvv-188",
        "CVV: ligação gratuita para o 188. Claudia (Abril), Brazil.",
        "https://claudia.abril.com.br/noticias/suicidio-cvv-ligacao-gratuita/",
        _l("Brazil's free emotional support line, 188, open 24 hours."),
    ),
    Source(
        "linha-1411",
        "Linha Nacional de Prevenção do Suicídio 1411. 24noticias (SAPO), September 2025.",
        None,
        _l("Portugal's free suicide prevention line, 1411, open day and night."),
    ),
    Source(
        "hotline-12356",
        "全国统一心理援助热线12356 (National Health Commission notice). NetEase News.",
        "https://c.m.163.com/news/a/JKBD9CKU0514CC6P.html",
        _l("China's national mental health support line, 12356, open at least 18 hours a "
           "day."),
    ),
    Source(
        "tele-manas",
        "Tele-MANAS, Ministry of Health and Family Welfare. Mint, October 2022.",
        None,
        _l("India's free mental health line: 14416 or 1-800-891-4416, day or night."),
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
            Paragraph(_l("Studies show that a written list helps people ask more questions "
                         "at a visit."), ("kinnersley-2008",)),
        ),
    ),
    IntroPart(
        _l("What are ketamine and esketamine?"),
        (
            Paragraph(_l("Ketamine is a medicine first approved in the US in 1970, for "
                         "anesthesia. It blocks one kind of receptor for glutamate, a chemical messenger "
                         "in the brain."), ("spravato-label",)),
            Paragraph(_l("Esketamine is one form of the ketamine molecule. Its brand name is "
                         "Spravato. Experts do not fully know how these medicines ease "
                         "depression."), ("spravato-label", "spravato-patient")),
        ),
    ),
    IntroPart(
        _l("Two ways to get treatment"),
        (
            Paragraph(_l("Spravato is a nasal spray. In the US it is approved for some adults with "
                         "depression, such as depression that has not gotten better with other "
                         "treatment. You use it at "
                         "a certified clinic. Staff watch you for at least 2 hours, and you "
                         "cannot take it home."),
                      ("fda-approval-2019", "spravato-rems")),
            Paragraph(_l("Ketamine for depression is most often given as a drip into a vein "
                         "(IV). The FDA has not approved ketamine for any mental health "
                         "condition, so this use is called off-label."),
                      ("andrade-2017", "fda-compounded-2023")),
        ),
    ),
)

NOT_ADVICE = _l("This guide does not give medical advice. It helps you ask questions. Only your "
                "own doctor can tell you what is right for you.")


SECTIONS: tuple[Section, ...] = (
    Section("right-for-me", _l("Is this treatment right for me?"), (
        Question("why-me",
                 _l("Why do you think ketamine or esketamine could help me?"),
                 _l("Your doctor can explain how it fits your own history.")),
        Question("trd-meaning",
                 _l("Do I have treatment-resistant depression? What does that mean for me?"),
                 _l("This term is often used when at least two antidepressants, at a good dose "
                    "and for long enough, have not helped."),
                 ("fda-approval-2019",)),
        Question("tried-before",
                 _l("Is there anything I should try before this, or along with it?"),
                 _l("A list of the medicines and therapies you have tried, and how they went, "
                    "helps your doctor see the whole picture.")),
        Question("other-options",
                 _l("What other options do I have, such as other medicines, talk therapy or "
                    "ECT?"),
                 _l("In one large study, IV ketamine worked at least as well as ECT for people "
                    "with hard-to-treat depression."),
                 ("elekt-d-2023",)),
        Question("health-problems",
                 _l("Do any of my health problems mean I should not take it?"),
                 _l("Some people should not take esketamine, such as people with certain "
                    "blood vessel problems or past bleeding in the brain."),
                 ("spravato-label",)),
        Question("psychosis-bipolar",
                 _l("I have had psychosis, mania or bipolar disorder. Does that matter?"),
                 _l("The label asks doctors to check carefully before treating someone who "
                    "has psychosis."),
                 ("spravato-label",)),
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
                 _l("In one large study, 27 in 100 people on esketamine were in remission "
                    "after 8 weeks, compared with 18 in 100 on another medicine."),
                 ("escape-trd-2023",)),
        Question("how-long-effect",
                 _l("How long does the effect of one treatment usually last?"),
                 _l("After one IV ketamine dose, the benefit often fades within 3 to 12 days. "
                    "That is why it is given as a series."),
                 ("andrade-2017", "sanacora-2017")),
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
                 _l("Spravato is approved for depression in the US. IV ketamine is not, so "
                    "using it for depression is off-label."),
                 ("fda-approval-2019", "fda-compounded-2023")),
        Question("with-antidepressant",
                 _l("Will I need to take an antidepressant pill as well?"),
                 _l("In the US, Spravato was first approved for use with an antidepressant "
                    "pill. Since 2025 it can also be used on its own."),
                 ("fda-approval-2019", "monotherapy-2025")),
        Question("evidence",
                 _l("What does research show about each option, and how strong is it?"),
                 _l("Experts say there is still little long-term research, most of all for IV "
                    "ketamine."),
                 ("sanacora-2017",)),
        Question("at-home",
                 _l("What about ketamine taken at home, for example from an online service?"),
                 _l("In 2023 the FDA warned about the risks of compounded ketamine taken at "
                    "home with no health worker watching."),
                 ("fda-compounded-2023",)),
    )),
    Section("safety", _l("Safety and side effects"), (
        Question("side-effects",
                 _l("What side effects are common, and how long do they last?"),
                 _l("The most common side effect of esketamine is feeling detached or spaced "
                    "out. Dizziness, nausea and sleepiness are common too. Most go away the "
                    "same day."),
                 ("spravato-label", "spravato-patient")),
        Question("dissociation",
                 _l("What might it feel like during a session, and what will staff do if I "
                    "feel scared?"),
                 _l("Many people notice changes in how they sense time, space or themselves "
                    "during a session."),
                 ("spravato-label",)),
        Question("blood-pressure",
                 _l("How will my blood pressure be checked, and what if it goes up?"),
                 _l("Blood pressure can rise after a dose. With Spravato it peaks about 40 "
                    "minutes after, and staff check it before and after."),
                 ("spravato-label",)),
        Question("breathing",
                 _l("Could it affect my breathing? How will you watch for that?"),
                 _l("The Spravato label warns about slowed breathing. Clinics must have a "
                    "device that checks the oxygen in your blood."),
                 ("spravato-label", "spravato-rems")),
        Question("bladder-liver",
                 _l("Can it harm my bladder or liver? Will I need any tests?"),
                 _l("Bladder and liver problems have been linked mostly to long-term or heavy "
                    "use of ketamine."),
                 ("ketamine-bladder-2019", "livertox", "spravato-label")),
        Question("substance-use",
                 _l("I have had problems with alcohol or drugs. How does that affect this "
                    "treatment?"),
                 _l("Ketamine and esketamine can be misused. Doctors are asked to check each "
                    "person's risk first."),
                 ("spravato-label",)),
        Question("other-medicines",
                 _l("Could my other medicines, supplements or alcohol mix badly with it?"),
                 _l("Sleep or anxiety medicines, opioids and alcohol can add to drowsiness. "
                    "Stimulants and some antidepressants (MAOIs) can raise blood pressure."),
                 ("spravato-label",)),
        Question("pregnancy",
                 _l("Is it safe if I am pregnant, trying to get pregnant or breastfeeding?"),
                 _l("Spravato is not recommended during pregnancy or breastfeeding."),
                 ("spravato-label",)),
        Question("thinking",
                 _l("Could it affect my memory or how clearly I think?"),
                 _l("Trouble thinking clearly is listed as a possible serious side effect of "
                    "Spravato."),
                 ("spravato-label",)),
        Question("dependence",
                 _l("Can I become dependent on it? What happens when I stop?"),
                 _l("The label lists a risk of dependence, and says withdrawal symptoms can "
                    "happen if treatment stops suddenly."),
                 ("spravato-label",)),
        Question("long-term-safety",
                 _l("What is known about safety over many years?"),
                 _l("One study followed people on Spravato for up to about 6 years, with no "
                    "comparison group. There is less long-term data for IV ketamine."),
                 ("spravato-patient", "sanacora-2017")),
    )),
    Section("treatment-day", _l("What a treatment day looks like"), (
        Question("visit-length",
                 _l("How long will each visit take, from start to finish?"),
                 _l("After a Spravato dose, you stay at the clinic for at least 2 hours so "
                    "staff can watch you."),
                 ("spravato-rems",)),
        Question("before-session",
                 _l("Can I eat, drink or take my usual medicines before a session?"),
                 _l("The Spravato label asks people not to eat for 2 hours, or drink for 30 "
                    "minutes, before a dose, because of nausea."),
                 ("spravato-label",)),
        Question("driving",
                 _l("Who can take me home, and when can I drive again?"),
                 _l("After Spravato you must not drive until the next day, after a good "
                    "night's sleep. Someone else needs to take you home."),
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
                 _l("Spravato usually starts twice a week for 4 weeks. In one large study, IV "
                    "ketamine was given twice a week for 3 weeks."),
                 ("spravato-label", "elekt-d-2023")),
        Question("after-first-weeks",
                 _l("What happens after the first weeks? How often will I keep coming?"),
                 _l("For Spravato, visits usually drop to once a week, then once a week or "
                    "every 2 weeks."),
                 ("spravato-label",)),
        Question("how-long-total",
                 _l("How long might I stay on this treatment? How will we decide when to "
                    "stop?"),
                 _l("There is no standard plan for how long IV ketamine should go on."),
                 ("sanacora-2017",)),
        Question("relapse",
                 _l("What happens if my depression comes back?"),
                 _l("In one study, people who kept taking esketamine were less likely to "
                    "relapse than people who switched to a placebo."),
                 ("sustain-1-2019",)),
    )),
    Section("costs", _l("Costs and insurance"), (
        Question("cost",
                 _l("What will each session cost, and what will the whole course cost?"),
                 _l("For Spravato, the medicine and the time at the clinic may be billed "
                    "separately."),
                 ("carepath",)),
        Question("insurance",
                 _l("Will my insurance pay for it? Do you need my insurer's approval first?"),
                 _l("Clinics usually check your benefits and ask your insurer for approval "
                    "before Spravato starts."),
                 ("carepath",)),
        Question("help-paying",
                 _l("Is there help with paying, such as a savings program?"),
                 _l("The maker of Spravato has a savings program for some people with private "
                    "insurance. It is not for people with Medicare, Medicaid or other government "
                    "plans."),
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
                 _l("The label asks patients and families to watch for a worse mood, mainly "
                    "early on and after a dose change."),
                 ("spravato-label",)),
        Question("suicide-risk",
                 _l("Will this treatment lower my risk of suicide?"),
                 _l("Spravato has not been shown to prevent suicide. It does not replace a "
                    "hospital stay when one is needed."),
                 ("spravato-label",)),
        Question("young-adult",
                 _l("I am 24 or younger. Does that change anything?"),
                 _l("All antidepressants carry a warning about suicidal thoughts in people "
                    "aged 24 and under."),
                 ("spravato-label",)),
    )),
    Section("any-decision", _l("Questions for any treatment choice"), (
        Question("options",
                 _l("What are my options?"),
                 _l("This is one of the Ask 3 Questions that the NHS in the UK uses to help "
                    "people make choices with their doctor."),
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
        Question("bring-someone",
                 _l("Can I bring a family member or friend to my visits?"),
                 _l("Ask 3 Questions leaflets suggest bringing someone you trust."),
                 ("ask-3-questions",)),
    )),
)


@dataclass(frozen=True)
class Catalog:
    """Lookups over the content, built once."""
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]

    def __post_init__(self):
        object.__setattr__(self, "_questions", {
            q.id: (section, q) for section in self.sections for q in section.questions})
        object.__setattr__(self, "_sources", {s.id: s for s in self.sources})

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


CATALOG = Catalog(SECTIONS, SOURCES)
