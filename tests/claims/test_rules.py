"""Each family of rules flags the wording regulators object to, in each language, and leaves honest wording alone."""

import pytest

from claims.checker import check_text, detect_language
from claims.rules import languages

FLAGGED = {
    "en": {
        "cure": ["Stem cells cure arthritis.", "A cure for back pain.", "PRP mends torn tendons."],
        "eliminate": ["Eliminate your knee pain.", "STOP the pain!", "Say goodbye to sciatica."],
        "regenerate": [
            "We regrow cartilage.",
            "Your discs are rebuilt from within.",
            "Promotes regeneration of tissue.",
        ],
        "guarantee": ["Results are guaranteed.", "You have nothing to lose.", "You'll be pain-free."],
        "proven": ["A clinically proven therapy.", "Backed by science.", "Studies show it works."],
        "universal": ["It works for every patient.", "Completely pain-free.", "Whatever your age or injury."],
        "permanent": ["Relief that lasts.", "Results that never wear off.", "Be rid of it once and for all."],
        "speed": ["Instant relief.", "Walk out pain-free the same day.", "Results after a single injection."],
        "no-risk": ["There are no side effects.", "Zero complications.", "No scarring and no downtime."],
        "surgery": ["A proven alternative to knee surgery.", "Avoid a hip replacement.", "You won't need surgery."],
        "superiority": [
            "Better than a knee replacement.",
            "The best treatment for back pain.",
            "Cortisone only masks pain.",
        ],
        "fda": ["Our FDA-approved stem cell treatment.", "This therapy is registered with the FDA."],
        "authority": ["Endorsed by leading surgeons.", "The doctor-recommended choice.", "Trusted by pro athletes."],
        "urgency": ["Limited-time offer.", "Only 3 spots left this month.", "Call now for a free consultation."],
        "testimonial": [
            "Thousands of happy patients.",
            "Over 5,000 knees treated.",
            "Nine out of ten patients improve.",
        ],
        "youth": ["Anti-aging stem cells.", "Turn back the clock on your joints.", "Feel twenty years younger."],
        "unrelated-disease": ["Stem cells for autism.", "It also helps with Alzheimer's.", "Reverse your diabetes."],
        "hype": ["A miracle treatment.", "A breakthrough in pain care.", "A revolutionary therapy."],
    },
    "es": {
        "cure": ["Las células madre curan la artritis.", "La cura para su dolor de espalda."],
        "eliminate": ["Elimine el dolor de rodilla.", "Diga adiós a la ciática.", "Viva sin dolor."],
        "regenerate": ["Regeneramos el cartílago.", "Sus discos se reconstruyen desde adentro."],
        "guarantee": ["Resultados garantizados.", "No tiene nada que perder.", "Sentirá el alivio."],
        "proven": ["Una terapia clínicamente comprobada.", "Respaldado por la ciencia."],
        "universal": ["Funciona para todos los pacientes.", "Completamente sin dolor.", "A cualquier edad."],
        "permanent": ["Alivio permanente.", "Resultados que duran años.", "Para siempre."],
        "speed": ["Alivio inmediato.", "Resultados en una sola sesión."],
        "no-risk": ["No tiene efectos secundarios.", "Cero complicaciones.", "No hay ningún riesgo."],
        "surgery": ["Una alternativa a la cirugía de rodilla.", "Evite el reemplazo de cadera.", "Sin cirugía."],
        "superiority": ["Mejor que un reemplazo de rodilla.", "El mejor tratamiento para el dolor."],
        "fda": ["Nuestro tratamiento aprobado por la FDA.", "Registrado ante la FDA."],
        "authority": ["Avalado por cirujanos líderes.", "Recomendado por los médicos."],
        "urgency": ["Oferta por tiempo limitado.", "Solo quedan 3 lugares.", "Llame hoy."],
        "testimonial": ["Miles de pacientes felices.", "Nueve de cada diez pacientes mejoran."],
        "youth": ["Células madre antienvejecimiento.", "Atrase el reloj de sus articulaciones."],
        "unrelated-disease": ["Células madre para el autismo.", "También ayuda con el alzhéimer."],
        "hype": ["Un tratamiento milagroso.", "Una terapia revolucionaria."],
    },
}

NOT_FLAGGED = {
    "en": {
        "cure": ["This is not a cure.", "There is no cure for osteoarthritis.", "The needle site heals in a day."],
        "eliminate": ["It may reduce pain for some patients.", "Stop taking blood thinners a week before."],
        "regenerate": [
            "Research is exploring whether stem cells can regrow cartilage.",
            "It does not regrow cartilage.",
        ],
        "guarantee": ["We cannot guarantee results.", "No treatment can guarantee relief."],
        "proven": ["This use has not been proven.", "It is not proven to work for everyone."],
        "universal": ["No procedure suits every patient.", "All patients should bring a photo ID."],
        "permanent": ["We cannot say how long relief lasts.", "Relief may not be permanent."],
        "speed": ["Most people go home the same day.", "The procedure takes about an hour."],
        "no-risk": ["No procedure is free of risk.", "We do not claim zero complications."],
        "surgery": ["It is not an alternative to surgery.", "Recovery after surgery takes weeks."],
        "superiority": ["An MRI shows tendons better than an X-ray does.", "We do not say it beats surgery."],
        "fda": ["It is not FDA-approved for this use.", "The FDA has not approved it."],
        "authority": [
            "Dr. Lee is board-certified in physical medicine.",
            "Your doctor may recommend physical therapy.",
        ],
        "urgency": ["Please arrive 15 minutes early.", "The clinic is closed on Monday."],
        "testimonial": ["Some patients report less pain; others notice no change.", "Results vary."],
        "youth": ["Arthritis is more common with age.", "Wear and tear is part of getting older."],
        "unrelated-disease": ["We treat back and joint pain.", "Knee osteoarthritis is common."],
        "hype": ["A well-studied treatment.", "Described plainly."],
    },
    "es": {
        "cure": ["Esto no es una cura.", "La piel del pinchazo suele sanar en un día."],
        "eliminate": [
            "Puede reducir el dolor en algunos pacientes.",
            "Deje de tomar anticoagulantes una semana antes.",
        ],
        "regenerate": ["La investigación estudia si las células madre regeneran el cartílago."],
        "guarantee": ["No podemos garantizar resultados.", "La clínica estará cerrada el lunes."],
        "proven": ["Este uso no está comprobado."],
        "universal": [
            "Ningún procedimiento sirve para todos los pacientes.",
            "Todos los pacientes deben traer su tarjeta.",
        ],
        "permanent": ["No sabemos cuánto dura el alivio."],
        "speed": ["Puede volver a casa el mismo día.", "El procedimiento dura una hora."],
        "no-risk": ["Ningún procedimiento está libre de riesgos.", "Toda inyección tiene riesgos."],
        "surgery": [
            "No le garantizamos que vaya a evitar la cirugía.",
            "La recuperación de la cirugía lleva semanas.",
        ],
        "superiority": ["Hable con su médico sobre sus opciones."],
        "fda": ["La FDA no ha aprobado este uso.", "Estar registrado ante la FDA no significa estar aprobado."],
        "authority": ["Es posible que su médico le recomiende fisioterapia."],
        "urgency": ["Llame para pedir una cita.", "Llegue 15 minutos antes."],
        "testimonial": ["Algunos pacientes notan menos dolor; otros no notan cambios."],
        "youth": ["La artrosis es más común con la edad."],
        "unrelated-disease": ["Tratamos el dolor de espalda y de las articulaciones."],
        "hype": ["Un tratamiento estudiado."],
    },
}


def codes(text, language):
    return {finding.rule.code for finding in check_text(text, language=language)}


def examples(table):
    return [(lang, code, text) for lang, rules in table.items() for code, texts in rules.items() for text in texts]


def test_every_rule_of_every_language_has_examples_both_ways():
    """Every rule with patterns; the model's own warning (no patterns) is tested in test_model.py."""
    for code, language in languages().items():
        assert set(FLAGGED[code]) == set(NOT_FLAGGED[code]) == {rule.code for rule in language.rules if rule.patterns}


@pytest.mark.parametrize("language, code, sentence", examples(FLAGGED))
def test_rule_flags_risky_wording(language, code, sentence):
    assert code in codes(sentence, language)


@pytest.mark.parametrize("language, code, sentence", examples(NOT_FLAGGED))
def test_rule_leaves_negated_hedged_and_factual_wording_alone(language, code, sentence):
    assert code not in codes(sentence, language)


def test_every_rule_explains_why_and_what_to_do_in_its_language():
    for language in languages().values():
        for rule in language.rules:
            assert rule.language == language.code
            assert rule.category and rule.why.endswith(".") and rule.advice.endswith(".")


def test_forms_of_a_word_are_one_word():
    """Lemmas: "heals", "healed" and "healing" are one word, as are "garantizado" and "garantizados"."""
    for sentence in ["PRP heals torn tendons.", "Torn tendons healed by PRP.", "PRP, healing your torn tendons."]:
        assert "cure" in codes(sentence, "en") or "regenerate" in codes(sentence, "en")
    for sentence in ["Resultado garantizado.", "Resultados garantizados.", "Le garantizamos el alivio."]:
        assert "guarantee" in codes(sentence, "es")


def test_accents_are_optional():
    assert "surgery" in codes("Una alternativa a la cirugia.", "es")


def test_warnings_explain_in_the_language_of_the_text():
    (finding,) = check_text("Una terapia milagrosa.", language="es")
    assert finding.rule.category == "Milagro o gran avance"
    assert finding.language == "es"


def test_language_is_detected_when_not_given():
    assert detect_language("Nuestro tratamiento elimina el dolor de rodilla sin cirugía.") == "es"
    assert detect_language("Our treatment takes away knee pain without surgery.") == "en"
    assert {f.language for f in check_text("Nuestro tratamiento es un milagro.")} == {"es"}


def test_unclear_text_is_checked_in_the_sites_language():
    assert detect_language("PRP") == "en"


def test_rich_text_is_checked_as_text_with_its_sentence():
    (finding,) = check_text("<p>Dr. Smith says: <strong>this is a cure</strong> for pain.</p><p>Nothing else.</p>")
    assert finding.phrase == "cure for pain"
    assert finding.sentence == "Dr. Smith says: this is a cure for pain."


def test_a_negation_in_an_earlier_sentence_does_not_hide_a_claim():
    assert "cure" in codes("It is not cheap. It is a cure.", "en")


def test_a_negation_in_an_earlier_clause_does_not_hide_a_claim():
    assert "no-risk" in codes("It is not cheap, but it has zero complications.", "en")


def test_a_question_asks_but_a_rhetorical_one_claims():
    """FAQ questions are not claims; "Why settle for...?" is one, in each language."""
    assert not codes("Can PRP heal a fracture?", "en")
    assert "superiority" in codes("Why settle for steroid shots?", "en")
    assert "superiority" in codes("¿Por qué conformarse con la cortisona?", "es")


def test_a_claim_made_with_a_contraction_or_an_inner_negation_is_still_a_claim():
    """ "Don't wait", "with no adverse events" and a testimonial saying "sin bastón" claim by negating."""
    assert "urgency" in codes("Don't wait until your pain gets worse.", "en")
    assert "no-risk" in codes("An excellent safety record, with no adverse events.", "en")
    assert "testimonial" in codes("«Ahora camino sin bastón.» – Luis, 71", "es")


def test_slow_or_surgical_healing_is_a_fact_not_a_promise():
    assert not codes("Cartilage has a poor blood supply, so it heals slowly.", "en")
    assert not codes("A torn meniscus can sometimes be repaired with surgery.", "en")
    assert not codes("Un menisco roto a veces se puede reparar con cirugía.", "es")


def test_a_claim_put_as_a_denial_of_the_alternative_is_a_claim():
    """ "Nobody leaves without relief", "Nadie se va sin alivio": a negation that makes the claim."""
    assert "universal" in codes("Nobody leaves without relief.", "en")
    assert "universal" in codes("Nadie se va sin alivio.", "es")
    assert not codes("No treatment works for everyone.", "en")


def test_the_fdas_own_facts_about_cord_blood_products_are_not_claims():
    assert not codes("The stem cell products approved by the FDA are used for blood cancers.", "en")
    assert not codes("Los productos de células madre aprobados por la FDA se usan para cánceres de la sangre.", "es")
