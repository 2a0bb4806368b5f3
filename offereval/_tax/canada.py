"""Canadian taxes on a year's employment income: federal income tax, the province's or
territory's income tax (Quebec's own, and Ontario's surtax and Health Premium), CPP or QPP
contributions, EI premiums and, in Quebec, QPIP premiums; each a TaxLine with its source.

The pay is the whole year's taxable employment income, and there is no other income and no
other deduction or credit. In order, as on the return:

1. The employee's contributions: CPP (QPP in Quebec) on pensionable earnings, EI (at Quebec's
   reduced rate there) and QPIP in Quebec.
2. Taxable income (also net income): pay less the enhanced pension contributions, which the
   law deducts (s. 60(e.1), line 22215).
3. Federal tax on taxable income, less the non-refundable credits converted at the lowest
   rate (14% in 2026): the basic personal amount (phased down between the 29% and 33% brackets'
   starts), the Canada employment amount, the base CPP/QPP contribution, the EI premium and the
   QPIP premium (s. 118.7). In Quebec the refundable Quebec abatement, 16.5% of basic federal
   tax, is taken off.
4. Provincial tax on the same taxable income, less the province's credits (basic personal
   amount, base CPP contribution, EI premium; Yukon also the Canada employment amount) at its
   lowest rate; then Ontario's surtax, Ontario Tax Reduction and LIFT credit, or British
   Columbia's tax reduction credit; and Ontario's Health Premium as its own line.
5. Quebec's tax on Quebec's taxable income (pay less the deduction for workers and the
   enhanced QPP contributions), less the basic personal amount at 14%: Quebec has no credit
   for QPP, EI or QPIP contributions.

Left out: dependants and a spouse's credits, RRSP and pension plan contributions, union dues
and other deductions, refundable credits and benefits (Canada Workers Benefit, GST/HST credit,
Quebec's work premium and solidarity credit), the low-income tax reductions of the provinces
and territories other than Ontario and British Columbia (New Brunswick's, Newfoundland and
Labrador's, Nova Scotia's and Prince Edward Island's low-income tax reductions, Manitoba's
family tax benefit, ...: they only lower the tax of low incomes), Alberta's supplemental
credit (only for credits over $60,000), the alternative minimum tax, and income other than
this pay.
"""

from __future__ import annotations

from ._canada_data import (
    CPP_2026,
    EI_2026,
    EI_QUEBEC_2026,
    FEDERAL_2026,
    PROVINCES_2026,
    QPIP_2026,
    QPP_2026,
    QUEBEC_2026,
)
from ._canada_rules import (
    Contributions,
    FederalTax,
    PensionPlan,
    Premium,
    ProvincialTax,
    QuebecTax,
    lowest_rate,
    named,
)
from ._core import Source, TaxLine

REGIONS: tuple[str, ...] = tuple(f"CA-{code}" for code in sorted([*PROVINCES_2026, "QC"]))

_YEAR = 2026


def years() -> tuple[int, ...]:
    """The tax years with Canadian figures, oldest first."""
    return (_YEAR,)


def canada_taxes(region: str, year: int, pay: float) -> tuple[TaxLine, ...]:
    """Every tax owed for ``year`` on ``pay`` (CAD) by a resident of ``region`` ("CA-ON").

    >>> [(t.name, t.amount) for t in canada_taxes("CA-AB", 2026, 60_000)][1:]
    [('Alberta income tax', 2631.3), ('CPP contributions', 3361.75), ('EI premiums', 978.0)]
    """
    problems = []
    if region not in REGIONS:
        problems.append(f"region: must be one of {', '.join(REGIONS)}, got {region!r}")
    if year not in years():
        problems.append(f"year: no Canadian tables for {year}; years available: {_YEAR}")
    if not pay >= 0:
        problems.append(f"pay: must be a number of at least 0, got {pay!r}")
    if problems:
        raise ValueError("; ".join(problems))
    code = region.removeprefix("CA-")
    quebec = code == "QC"
    plan = QPP_2026 if quebec else CPP_2026
    ei = EI_QUEBEC_2026 if quebec else EI_2026
    pension = plan.contributions(pay)
    premiums = ei.on(pay) + (QPIP_2026.on(pay) if quebec else 0.0)
    net_income = pay - pension.enhanced
    lines = [_federal(FEDERAL_2026, pay, net_income, pension, premiums, quebec, year)]
    if quebec:
        lines.append(_quebec(QUEBEC_2026, pay, pension, year))
    else:
        lines += _provincial(PROVINCES_2026[code], region, pay, net_income, pension, ei, year)
    lines += _contributions(plan, pension, ei, pay, region if quebec else "CA")
    if quebec:
        lines.append(_line("QPIP premiums", QPIP_2026.on(pay), region, QPIP_2026.rate.source))
    return tuple(lines)


def _federal(
    data: FederalTax,
    pay: float,
    net_income: float,
    pension: Contributions,
    premiums: float,
    quebec: bool,
    year: int,
) -> TaxLine:
    credits = (
        data.basic_personal_amount.at(net_income)
        + min(pay, data.employment_amount.value)
        + pension.base
        + premiums
    )
    tax = max(0.0, data.schedule.tax(net_income) - credits * lowest_rate(data.schedule))
    name, cited = "Federal income tax", data.sources
    if quebec:
        tax -= tax * data.quebec_abatement.value
        name = "Federal income tax, less the Quebec abatement"
        cited += (data.quebec_abatement.source,)
    return _line(named(name, year, year, data.older), tax, "CA", _combined(cited))


def _provincial(
    data: ProvincialTax,
    region: str,
    pay: float,
    net_income: float,
    pension: Contributions,
    ei: Premium,
    year: int,
) -> list[TaxLine]:
    credits = data.personal_amount(net_income) + pension.base + ei.on(pay)
    if data.employment_amount:
        credits += min(pay, data.employment_amount.value)
    tax = max(0.0, data.schedule.tax(net_income) - credits * lowest_rate(data.schedule))
    on = data.ontario
    if on:
        tax += on.surtax_on(tax)
        tax -= min(tax, max(0.0, 2 * on.reduction_basic.value - tax))
        tax -= min(tax, on.lift(pay, net_income))
    if data.reduction:
        tax -= min(tax, data.reduction.at(net_income))
    name = named(data.name, data.tables_year, year, data.older)
    lines = [_line(name, tax, region, _combined(data.sources))]
    if on:
        premium = on.premium(net_income)
        lines.append(_line("Ontario Health Premium", premium, region, on.health_premium_source))
    return lines


def _quebec(data: QuebecTax, pay: float, pension: Contributions, year: int) -> TaxLine:
    taxable = max(0.0, pay - data.workers_deduction(pay) - pension.enhanced)
    credit = data.basic_personal_amount.value * lowest_rate(data.schedule)
    tax = max(0.0, data.schedule.tax(taxable) - credit)
    name = named(data.name, data.tables_year, year, data.older)
    return _line(name, tax, "CA-QC", _combined(data.sources))


def _contributions(
    plan: PensionPlan, pension: Contributions, ei: Premium, pay: float, jurisdiction: str
) -> list[TaxLine]:
    """The pension contributions (the second additional ones on their own line when owed)
    and the EI premiums."""
    first = pension.base + pension.first_additional
    cited = _combined((plan.ympe.source, plan.split_source))
    lines = [_line(f"{plan.name} contributions", first, jurisdiction, cited)]
    if pension.second_additional > 0:
        name = f"{plan.name}2 contributions (second additional)"
        source = plan.second_additional_rate.source
        lines.append(_line(name, pension.second_additional, jurisdiction, source))
    lines.append(_line("EI premiums", ei.on(pay), "CA", ei.rate.source))
    return lines


def _line(name: str, amount: float, jurisdiction: str, source: Source) -> TaxLine:
    return TaxLine(
        name=name,
        amount=round(float(max(amount, 0.0)), 2),
        jurisdiction=jurisdiction,
        source=source,
    )


def _combined(sources: tuple[Source, ...]) -> Source:
    """One Source naming every publication a line's figures come from."""
    if len(sources) == 1:
        return sources[0]
    return Source(
        title="; ".join(str(s) for s in sources),
        url=next((s.url for s in sources if s.url), ""),
    )


def sources(region: str) -> tuple[Source, ...]:
    """Every source of the figures the region's taxes use."""
    code = region.removeprefix("CA-")
    found = list(FEDERAL_2026.sources)
    if code == "QC":
        found += [FEDERAL_2026.quebec_abatement.source, *QUEBEC_2026.sources]
        found += [QPP_2026.ympe.source, QPP_2026.split_source]
        found += [EI_QUEBEC_2026.rate.source, QPIP_2026.rate.source]
    else:
        province = PROVINCES_2026[code]
        found += [*province.sources, CPP_2026.ympe.source, CPP_2026.split_source]
        if province.ontario:
            found.append(province.ontario.health_premium_source)
        found.append(EI_2026.rate.source)
    return tuple(dict.fromkeys(found))
