"""After tax, in the home currency and for what it buys: the engine's figures and the file keys.

UK figures (tax year 2026 to 2027) are worked by hand beside each case; see test_tax_uk.py for
the rates and bands.
"""

from __future__ import annotations

from typing import Any

import pytest
from offer_docs import BIGTECH, GROWTH_STARTUP, document, framework_document, offer, run

from offereval import InputError, OfferSet, build_view


def tc(data: dict[str, Any], index: int = 0) -> dict[str, Any]:
    return run(data).to_dict()["offers"][index]["tc"]


def test_without_a_location_nothing_changes() -> None:
    result = run(framework_document()).to_dict()
    big, growth = result["offers"]
    assert big["tc"]["total"] == 355_000 and growth["tc"]["total"] == 301_000
    for o in (big, growth):
        assert o["tc"]["tax"] is None and o["tc"]["take_home"] is None
        assert o["tc"]["taxes"] == []
        assert o["tc"]["home"] == {
            "currency": None,
            "rate": 1.0,
            "total": o["tc"]["total"],
            "take_home": None,
            "purchasing_power": None,
        }
        assert all(y["tax"] is None and y["taxes"] == [] for y in o["years"])
    assert result["home_currency"] is None and result["tax_year"] == 2026


@pytest.mark.parametrize(
    ("keys", "tax", "take_home"),
    [
        # England 60,000: income tax 11,432 + NI 3,210.60 = 14,642.60; 60,000 - 14,642.60
        ({"base_salary": 60_000, "location": "GB-ENG"}, 14_642.6, 45_357.4),
        # benefits are untaxed and kept: the same tax on 60,000; 65,000 - 14,642.60
        (
            {"base_salary": 60_000, "benefits_value": 5_000, "location": "GB-ENG"},
            14_642.6,
            50_357.4,
        ),
        # the annualized pay: base 40,000 + bonus 10,000 x 1.0 + signing 20,000 / 2 = 60,000,
        # taxed as one year of 60,000
        (
            {
                "base_salary": 40_000,
                "target_bonus": 10_000,
                "signing_bonus": 20_000,
                "location": "GB-ENG",
            },
            14_642.6,
            45_357.4,
        ),
        # options: 4,000 x (30 - 15) = 60,000 over 4 years = 15,000 a year, counted as pay;
        # 45,000 + 15,000 = 60,000 taxed as above
        (
            {
                "base_salary": 45_000,
                "option_count": 4_000,
                "strike_price": 15,
                "share_price": 30,
                "location": "GB-ENG",
            },
            14_642.6,
            45_357.4,
        ),
        # Scotland 50,000: 8,982.05 + NI 2,994.40 = 11,976.45
        ({"base_salary": 50_000, "location": "GB-SCT"}, 11_976.45, 38_023.55),
        # anywhere else: the user's rate, 30% of 100,000
        ({"base_salary": 100_000, "location": "DE", "tax_rate": 30}, 30_000.0, 70_000.0),
        # no location but a rate
        ({"base_salary": 100_000, "tax_rate": 25}, 25_000.0, 75_000.0),
    ],
)
def test_annualized_tax_and_take_home(keys: dict[str, Any], tax: float, take_home: float) -> None:
    got = tc(document(offer(**keys)))
    assert got["tax"] == pytest.approx(tax, abs=0.005)
    assert got["take_home"] == pytest.approx(take_home, abs=0.005)
    assert sum(t["amount"] for t in got["taxes"]) == pytest.approx(tax, abs=0.005)


def test_each_year_is_taxed_on_its_own_pay() -> None:
    # England, base 40,000 and a 20,000 signing bonus: year 1 pays 60,000 (tax 14,642.60),
    # year 2 pays 40,000: income tax 27,430 x 20% = 5,486, NI 27,430 x 8% = 2,194.40
    data = document(offer(base_salary=40_000, signing_bonus=20_000, location="GB-ENG"))
    years = run(data).to_dict()["offers"][0]["years"]
    assert years[0]["tax"] == pytest.approx(14_642.6)
    assert years[1]["tax"] == pytest.approx(7_680.4)
    assert years[1]["take_home"] == pytest.approx(32_319.6)
    assert [t["name"] for t in years[1]["taxes"]] == ["Income Tax", "National Insurance"]


def test_entered_rate_is_labelled_as_the_users() -> None:
    got = tc(document(offer(location="DE", tax_rate=42.5)))
    assert got["taxes"][0]["name"] == "Effective tax rate you entered (42.5%)"
    assert got["taxes"][0]["jurisdiction"] == "DE"


def test_home_currency_and_purchasing_power() -> None:
    # England 60,000 GBP: take-home 45,357.40 GBP; at 1.25 USD per GBP that is 56,696.75 USD;
    # cost of living 125: 56,696.75 / 1.25 = 45,357.40
    data = document(
        offer(base_salary=60_000, location="GB-ENG", cost_of_living=125),
        home_currency="USD",
        exchange_rates={"GBP": 1.25},
    )
    home = tc(data)["home"]
    assert home["currency"] == "USD" and home["rate"] == 1.25
    assert home["total"] == pytest.approx(75_000)
    assert home["take_home"] == pytest.approx(56_696.75)
    assert home["purchasing_power"] == pytest.approx(45_357.4)


def test_pay_in_another_currency_is_taxed_in_the_locations() -> None:
    # Paid 100,000 EUR in England; 1 EUR = 1.10 USD, 1 GBP = 1.25 USD, so 1 EUR = 0.88 GBP:
    # the pay is 88,000 GBP: income tax 7,540 + (75,430 - 37,700) x 40% = 22,632;
    # NI 3,016 + 37,730 x 2% = 3,770.60; 26,402.60 GBP = 30,002.95 EUR (/ 0.88)
    data = document(
        offer(base_salary=100_000, location="GB-ENG", currency="EUR"),
        home_currency="USD",
        exchange_rates={"GBP": 1.25, "EUR": 1.10},
    )
    got = tc(data)
    assert got["tax"] == pytest.approx(26_402.6 / 0.88)
    assert got["home"]["rate"] == 1.10


def test_no_home_currency_keeps_the_offers_own() -> None:
    home = tc(document(offer(base_salary=60_000, location="GB-ENG", cost_of_living=80)))["home"]
    # rate 1 in the offer's own currency; purchasing power 45,357.40 / 0.8 = 56,696.75
    assert home["currency"] == "GBP" and home["rate"] == 1.0
    assert home["purchasing_power"] == pytest.approx(56_696.75)


def test_suggested_rating_follows_purchasing_power_when_every_offer_has_a_location() -> None:
    # A: 60,000 in England, take-home 45,357.40, cost of living 150: purchasing power 30,238.27
    # B: 50,000 in England: income tax 7,486, NI 2,994.40, take-home 39,519.60, index 100.
    # B is best (5); A gets 5 x 30,238.27 / 39,519.60 = 3.83 -> 3.8. Pre-tax, A would be 5.
    a = offer(company="A", base_salary=60_000, location="GB-ENG", cost_of_living=150)
    b = offer(company="B", base_salary=50_000, location="GB-ENG")
    result = run(document(a, b))
    assert result.offer("A").ratings["compensation"].value == 3.8
    assert result.offer("B").ratings["compensation"].value == 5.0
    assert any("suggested from purchasing power" in n for n in result.notes)
    assert (
        "After tax and cost of living, B leads: a purchasing power of 39,520 GBP a year, "
        "against A 30,238." in result.notes
    )


def test_suggested_rating_follows_totals_when_an_offer_has_no_location() -> None:
    a = offer(company="A", base_salary=60_000, location="GB-ENG", cost_of_living=150)
    b = offer(company="B", base_salary=50_000)
    result = run(document(a, b))
    assert result.offer("A").ratings["compensation"].value == 5.0
    assert result.offer("B").ratings["compensation"].value == pytest.approx(4.2)  # 5 x 50/60
    assert not any("purchasing power" in n for n in result.notes)


def test_mixed_currencies_leave_out_the_pre_tax_comparisons() -> None:
    data = framework_document(home_currency="USD", exchange_rates={"GBP": 1.27})
    data["offers"][0]["location"] = "GB-ENG"
    result = run(data)
    assert result.gaps == () and result.equity_sensitivity == ()
    assert any("different currencies" in n for n in result.notes)


def test_minimum_is_compared_in_the_home_currency() -> None:
    # 100,000 GBP at 1.30 = 130,000 USD: above a minimum of 120,000 USD
    data = document(
        offer(base_salary=100_000, location="GB-ENG"),
        home_currency="USD",
        exchange_rates={"GBP": 1.3},
        minimum_total_comp=120_000,
    )
    assert not run(data).offers[0].eliminated


def test_view_shows_after_tax_tables_only_with_a_location() -> None:
    plain = [t["id"] for t in build_view(run(framework_document()))["tables"]]
    assert "after-tax" not in plain and not any(t.startswith("taxes-") for t in plain)
    data = framework_document()
    data["offers"][0]["location"] = "GB-SCT"
    data["offers"][1]["location"] = "GB-ENG"
    tables = {t["id"]: t for t in build_view(run(data))["tables"]}
    after = tables["after-tax"]
    assert after["columns"][:6] == [
        "Company",
        "Location",
        "Currency",
        "Pre-tax total",
        "Tax",
        "Take-home",
    ]
    # BigTech in Scotland, 355,000: Scottish income tax 6,320.09 + 13,161.96 + 28,219.50
    # + (355,000 - 125,140) x 48% = 158,034.35; NI 3,016 + 304,730 x 2% = 9,110.60
    assert after["rows"][0]["cells"][3:6] == ["355,000", "167,145", "187,855"]
    breakdown = tables["taxes-1"]
    assert [r["cells"][0] for r in breakdown["rows"]] == [
        "Scottish Income Tax",
        "National Insurance",
        "Total tax",
    ]
    assert breakdown["rows"][0]["cells"][1] == "158,034"
    assert "Scottish Government" in breakdown["note"]


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (document(offer(location="UK")), "offers[0].location", "GB-ENG, GB-SCT"),
        (document(offer(location="US")), "offers[0].location", "needs the region"),
        (document(offer(location="GB-XYZ")), "offers[0].location", "is not a region"),
        (document(offer(location="ZZ")), "offers[0].location", "not a country"),
        (document(offer(location="US-CA", local="NYC")), "offers[0].local", "not a city tax"),
        (document(offer(local="NYC")), "offers[0].local", "needs a location"),
        (document(offer(currency="euro")), "offers[0].currency", "ISO 4217"),
        (document(offer(cost_of_living=0)), "offers[0].cost_of_living", "at least 1"),
        (document(offer(tax_rate=120)), "offers[0].tax_rate", "at most 100"),
        (document(offer(location="GB-ENG", tax_rate=30)), "offers[0].tax_rate", "computed"),
        (document(offer(), tax_year=1999), "tax_year", "2026"),
        (document(offer(), filing_status="joint"), "filing_status", "married_joint"),
        (document(offer(), home_currency="dollars"), "home_currency", "ISO 4217"),
        (document(offer(), exchange_rates={"GBP": 1.2}), "exchange_rates", "home_currency"),
        (
            document(offer(), home_currency="USD", exchange_rates={"GBP": 0}),
            "exchange_rates.GBP",
            "more than 0",
        ),
        (
            document(offer(), home_currency="USD", exchange_rates={"GBP": 1.2, "gbp": 1.3}),
            "exchange_rates.gbp",
            "repeats",
        ),
        (
            document(offer(), home_currency="USD", exchange_rates={"USD": 2}),
            "exchange_rates.USD",
            "worth 1",
        ),
        (
            document(offer(location="GB-ENG"), home_currency="USD"),
            "exchange_rates.GBP",
            "is required: offers[0] is paid in GBP",
        ),
        (
            document(offer(company="A", location="GB-ENG"), offer(company="B", location="DE")),
            "home_currency",
            "more than one currency (EUR, GBP)",
        ),
        (
            document(offer(location="GB-ENG", currency="EUR")),
            "offers[0].currency",
            "differs from GB-ENG's currency (GBP)",
        ),
    ],
)
def test_bad_tax_keys_name_their_path(data: dict[str, Any], path: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        OfferSet.from_dict(data)
    matching = [p for p in error.value.problems if p.path == path]
    assert matching, error.value.problems
    assert message in matching[0].message


def test_codes_are_read_as_people_type_them() -> None:
    data = document(offer(location="gb-sct", currency="gbp"), home_currency="usd")
    data["exchange_rates"] = {"gbp": 1.27}
    x = OfferSet.from_dict(data)
    assert (x.offers[0].location, x.offers[0].currency) == ("GB-SCT", "GBP")
    assert x.home_currency == "USD" and x.exchange_rates == {"GBP": 1.27}
    assert OfferSet.from_dict(x.to_dict()) == x


def test_framework_offers_in_two_places_round_trip() -> None:
    data = document(
        {**BIGTECH, "location": "GB-ENG", "cost_of_living": 120},
        {**GROWTH_STARTUP, "location": "DE", "tax_rate": 40},
        home_currency="USD",
        exchange_rates={"GBP": 1.27, "EUR": 1.08},
        tax_year=2026,
        filing_status="married_joint",
    )
    x = OfferSet.from_dict(data)
    assert OfferSet.from_dict(x.to_dict()) == x
    assert x.to_dict()["offers"][1]["tax_rate"] == 40
