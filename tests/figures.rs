//! Figures read from brief and media-plan prose: amounts, comparators, tax scope, changes,
//! dates and windows, in English, French, Russian and Ukrainian.

use brieflint::figures::{
    self, Comparator, Currency, DateKind, Day, Direction, Tax, Unit, amounts, dates,
};
use brieflint::vocab::Lang;

const EUR: Unit = Unit::Currency(Currency::Eur);
const USD: Unit = Unit::Currency(Currency::Usd);
const GBP: Unit = Unit::Currency(Currency::Gbp);
const RUB: Unit = Unit::Currency(Currency::Rub);
const UAH: Unit = Unit::Currency(Currency::Uah);
const CHF: Unit = Unit::Currency(Currency::Chf);
const PCT: Unit = Unit::Percent;
const PP: Unit = Unit::Points;
const N: Unit = Unit::Count;
const SEC: Unit = Unit::Seconds;
const X: Unit = Unit::Times;
const AGE: Unit = Unit::Age;

use Comparator::{Cap, Exact, Floor, Range};
use Direction::{Down, Unstated, Up};
use Lang::{En, Fr, Ru, Uk};

const EX: Option<Tax> = Some(Tax::Excl);
const INC: Option<Tax> = Some(Tax::Incl);

/// text, language, value, high, unit, multiplier, comparator, tax, change direction.
type Row = (
    &'static str,
    Lang,
    f64,
    Option<f64>,
    Unit,
    f64,
    Comparator,
    Option<Tax>,
    Option<Direction>,
);

#[rustfmt::skip]
const AMOUNTS: &[Row] = &[
    // Money, plain and with multipliers.
    ("Budget média : 1 200 000 €", Fr, 1_200_000.0, None, EUR, 1.0, Exact, None, None),
    ("une enveloppe de 1\u{a0}200\u{a0}000 € pour la vague 1", Fr, 1_200_000.0, None, EUR, 1.0, Exact, None, None),
    ("Total : 95\u{202f}000 €", Fr, 95_000.0, None, EUR, 1.0, Exact, None, None),
    ("un plan à 112\u{2009}k€", Fr, 112_000.0, None, EUR, 1e3, Exact, None, None),
    ("Budget global de 1,2 M€", Fr, 1_200_000.0, None, EUR, 1e6, Exact, None, None),
    ("Investissement : 1,35 M€ sur l'année", Fr, 1_350_000.0, None, EUR, 1e6, Exact, None, None),
    ("Total media spend of €1.2m across channels", En, 1_200_000.0, None, EUR, 1e6, Exact, None, None),
    ("A working budget of $1,200.50 for tests", En, 1200.5, None, USD, 1.0, Exact, None, None),
    ("Production fee: £60,000", En, 60_000.0, None, GBP, 1.0, Exact, None, None),
    ("a £4.2m annual budget", En, 4_200_000.0, None, GBP, 1e6, Exact, None, None),
    ("influencer pot of 60k", En, 60_000.0, None, N, 1e3, Exact, None, None),
    ("Creative budget €20K", En, 20_000.0, None, EUR, 1e3, Exact, None, None),
    ("Le budget s'élève à 180 000 € HT", Fr, 180_000.0, None, EUR, 1.0, Exact, EX, None),
    ("soit 216 000 € TTC", Fr, 216_000.0, None, EUR, 1.0, Exact, INC, None),
    ("Бюджет: 2,5 млн грн з ПДВ", Uk, 2_500_000.0, None, UAH, 1e6, Exact, INC, None),
    ("Бюджет кампании — 9 500 тыс. ₽", Ru, 9_500_000.0, None, RUB, 1e3, Exact, None, None),
    ("Охват 4,8 тыс. пользователей", Ru, 4800.0, None, N, 1e3, Exact, None, None),
    ("Бюджет 38 млн рублей без НДС", Ru, 38_000_000.0, None, RUB, 1e6, Exact, EX, None),
    ("стоимость 1,2 млн руб. с НДС", Ru, 1_200_000.0, None, RUB, 1e6, Exact, INC, None),
    ("Очікувана вартість 13 478 472.27 UAH з ПДВ", Uk, 13_478_472.27, None, UAH, 1.0, Exact, INC, None),
    ("загальний бюджет 4 млн гривень", Uk, 4_000_000.0, None, UAH, 1e6, Exact, None, None),
    ("вартість 850 тисяч гривень без ПДВ", Uk, 850_000.0, None, UAH, 1e3, Exact, EX, None),
    ("Бюджет: 120 000 грн", Uk, 120_000.0, None, UAH, 1.0, Exact, None, None),
    ("ставка 45 ₴ за клік", Uk, 45.0, None, UAH, 1.0, Exact, None, None),
    ("вартість 2 мільйони гривень", Uk, 2_000_000.0, None, UAH, 1e6, Exact, None, None),
    ("бюджет 15 тысяч долларов", Ru, 15_000.0, None, USD, 1e3, Exact, None, None),
    ("Le budget annuel dépasse 2 Md€", Fr, 2e9, None, EUR, 1e9, Exact, None, None),
    ("un marché de 3,5 milliards d'euros", Fr, 3.5e9, None, EUR, 1e9, Exact, None, None),
    ("a market worth $2bn", En, 2e9, None, USD, 1e9, Exact, None, None),
    ("sales of 1.5 million units", En, 1_500_000.0, None, N, 1e6, Exact, None, None),
    ("un budget de 2 millions d'euros", Fr, 2_000_000.0, None, EUR, 1e6, Exact, None, None),
    ("Budget: EUR 250,000 net", En, 250_000.0, None, EUR, 1.0, Exact, None, None),
    ("Fee: USD 15 000 per month", En, 15_000.0, None, USD, 1.0, Exact, None, None),
    ("Coût : CHF 40 000 HT", Fr, 40_000.0, None, CHF, 1.0, Exact, EX, None),
    ("un budget de 75 M$", Fr, 75_000_000.0, None, USD, 1e6, Exact, None, None),
    ("frais techniques : 5 000 euros HT", Fr, 5000.0, None, EUR, 1.0, Exact, EX, None),
    ("soit 20 000 euros hors taxes", Fr, 20_000.0, None, EUR, 1.0, Exact, EX, None),
    ("Honoraires 12 500 € (HT)", Fr, 12_500.0, None, EUR, 1.0, Exact, EX, None),
    ("The fee is £85,000 excl. VAT", En, 85_000.0, None, GBP, 1.0, Exact, EX, None),
    ("Media: £210,000 ex VAT", En, 210_000.0, None, GBP, 1.0, Exact, EX, None),
    ("Production £35,000 + VAT", En, 35_000.0, None, GBP, 1.0, Exact, EX, None),
    ("Total £420,000 including VAT", En, 420_000.0, None, GBP, 1.0, Exact, INC, None),
    ("Total £420,000 VAT included", En, 420_000.0, None, GBP, 1.0, Exact, INC, None),
    ("budget 500 000 руб. в т.ч. НДС", Ru, 500_000.0, None, RUB, 1.0, Exact, INC, None),
    ("сумма 300 615 493.00 грн", Uk, 300_615_493.0, None, UAH, 1.0, Exact, None, None),
    ("капитал 5.260.544 евро", Ru, 5_260_544.0, None, EUR, 1.0, Exact, None, None),
    ("unit price 1,200 EUR", En, 1200.0, None, EUR, 1.0, Exact, None, None),
    ("prix unitaire 1,200 €", Fr, 1.2, None, EUR, 1.0, Exact, None, None),
    ("prix 1.200 € par mois", Fr, 1200.0, None, EUR, 1.0, Exact, None, None),
    ("Target: 1,200 qualified leads", Fr, 1200.0, None, N, 1.0, Exact, None, None),
    ("objectif 1.500 leads", En, 1500.0, None, N, 1.0, Exact, None, None),
    ("taux de rebond 1,250 %", Fr, 1.25, None, PCT, 1.0, Exact, None, None),
    ("un forfait de €1,200 par mois", Fr, 1200.0, None, EUR, 1.0, Exact, None, None),
    ("Budget USD1.2m", En, 1_200_000.0, None, USD, 1e6, Exact, None, None),
    ("CPM moyen 9,50 €", Fr, 9.5, None, EUR, 1.0, Exact, None, None),
    ("average CPM £9.50", En, 9.5, None, GBP, 1.0, Exact, None, None),
    ("Budget 20€ par jour", Fr, 20.0, None, EUR, 1.0, Exact, None, None),
    // Percentages and points.
    ("Taux de conversion cible : 3,5 %", Fr, 3.5, None, PCT, 1.0, Exact, None, None),
    ("a CTR of 35%", En, 35.0, None, PCT, 1.0, Exact, None, None),
    ("ROI de 120 pour cent", Fr, 120.0, None, PCT, 1.0, Exact, None, None),
    ("доля 28 процентов", Ru, 28.0, None, PCT, 1.0, Exact, None, None),
    ("частка 40 відсотків", Uk, 40.0, None, PCT, 1.0, Exact, None, None),
    ("notoriété assistée +6 points", Fr, 6.0, None, PP, 1.0, Exact, None, Some(Up)),
    ("lift brand awareness by 3 pp", En, 3.0, None, PP, 1.0, Exact, None, Some(Up)),
    ("gain de 2 pts de notoriété", Fr, 2.0, None, PP, 1.0, Exact, None, Some(Up)),
    ("рост знания на 5 п.п.", Ru, 5.0, None, PP, 1.0, Exact, None, Some(Up)),
    ("зростання впізнаваності на 4 в.п.", Uk, 4.0, None, PP, 1.0, Exact, None, Some(Up)),
    ("+2 points de pourcentage", Fr, 2.0, None, PP, 1.0, Exact, None, Some(Up)),
    ("a 1.5 percentage point uplift", En, 1.5, None, PP, 1.0, Exact, None, None),
    // Caps.
    ("CPA at most €48", En, 48.0, None, EUR, 1.0, Cap, None, None),
    ("CPA under £55 per sale", En, 55.0, None, GBP, 1.0, Cap, None, None),
    ("keep CPC below $1.20", En, 1.2, None, USD, 1.0, Cap, None, None),
    ("CPA max £40", En, 40.0, None, GBP, 1.0, Cap, None, None),
    ("frequency capped at 3", En, 3.0, None, N, 1.0, Cap, None, None),
    ("no more than 10% of budget on tests", En, 10.0, None, PCT, 1.0, Cap, None, None),
    ("up to 25% of spend", En, 25.0, None, PCT, 1.0, Cap, None, None),
    ("a maximum of 15 000 €", En, 15_000.0, None, EUR, 1.0, Cap, None, None),
    ("CPL ≤ 12 €", Fr, 12.0, None, EUR, 1.0, Cap, None, None),
    ("CPA < 48 €", Fr, 48.0, None, EUR, 1.0, Cap, None, None),
    ("CPA cible : 48 € maximum", Fr, 48.0, None, EUR, 1.0, Cap, None, None),
    ("un CPA de 48 € max", Fr, 48.0, None, EUR, 1.0, Cap, None, None),
    ("pas plus de 50 000 €", Fr, 50_000.0, None, EUR, 1.0, Cap, None, None),
    ("au maximum 2 500 000 euros TTC", Fr, 2_500_000.0, None, EUR, 1.0, Cap, INC, None),
    ("d\u{2019}au maximum 2 500 000 euros TTC", Fr, 2_500_000.0, None, EUR, 1.0, Cap, INC, None),
    ("un CPC inférieur à 0,80 €", Fr, 0.8, None, EUR, 1.0, Cap, None, None),
    ("moins de 5 % de taux de rebond", Fr, 5.0, None, PCT, 1.0, Cap, None, None),
    ("jusqu'à 30 000 € par vague", Fr, 30_000.0, None, EUR, 1.0, Cap, None, None),
    ("jusqu\u{2019}à 30 000 €", Fr, 30_000.0, None, EUR, 1.0, Cap, None, None),
    ("un budget plafonné à 95 000 €", Fr, 95_000.0, None, EUR, 1.0, Cap, None, None),
    ("CPA au plus 40 €", Fr, 40.0, None, EUR, 1.0, Cap, None, None),
    ("CPA не более 500 руб.", Ru, 500.0, None, RUB, 1.0, Cap, None, None),
    ("стоимость лида не выше 1 200 ₽", Ru, 1200.0, None, RUB, 1.0, Cap, None, None),
    ("частота не больше 3", Ru, 3.0, None, N, 1.0, Cap, None, None),
    ("CPC до 15 грн", Uk, 15.0, None, UAH, 1.0, Cap, None, None),
    ("CPM максимум 120 грн", Uk, 120.0, None, UAH, 1.0, Cap, None, None),
    ("вартість ліда не вище 300 грн", Uk, 300.0, None, UAH, 1.0, Cap, None, None),
    ("CPA не більше 250 грн", Uk, 250.0, None, UAH, 1.0, Cap, None, None),
    ("частота щонайбільше 4", Uk, 4.0, None, N, 1.0, Cap, None, None),
    ("бюджет в пределах 3 млн руб.", Ru, 3_000_000.0, None, RUB, 1e6, Cap, None, None),
    ("CPA 48 € or less", En, 48.0, None, EUR, 1.0, Cap, None, None),
    // Floors.
    ("at least 2,000 leads", En, 2000.0, None, N, 1.0, Floor, None, None),
    ("a minimum of 500 sign-ups", En, 500.0, None, N, 1.0, Floor, None, None),
    ("reach over 6 million adults", En, 6_000_000.0, None, N, 1e6, Floor, None, None),
    ("more than 40% reach", En, 40.0, None, PCT, 1.0, Floor, None, None),
    ("ROAS ≥ 4", En, 4.0, None, N, 1.0, Floor, None, None),
    ("viewability > 70 %", Fr, 70.0, None, PCT, 1.0, Floor, None, None),
    ("au moins 1 200 ventes", Fr, 1200.0, None, N, 1.0, Floor, None, None),
    ("au minimum 800 GRP", Fr, 800.0, None, N, 1.0, Floor, None, None),
    ("plus de 2 000 leads qualifiés", Fr, 2000.0, None, N, 1.0, Floor, None, None),
    ("un taux de complétion supérieur à 70 %", Fr, 70.0, None, PCT, 1.0, Floor, None, None),
    ("10 000 leads minimum", Fr, 10_000.0, None, N, 1.0, Floor, None, None),
    ("10 000+ téléchargements", Fr, 10_000.0, None, N, 1.0, Floor, None, None),
    ("охват не менее 60 %", Ru, 60.0, None, PCT, 1.0, Floor, None, None),
    ("досматриваемость не ниже 70 %", Ru, 70.0, None, PCT, 1.0, Floor, None, None),
    ("минимум 500 заявок", Ru, 500.0, None, N, 1.0, Floor, None, None),
    ("от 300 заявок в месяц", Ru, 300.0, None, N, 1.0, Floor, None, None),
    ("свыше 2 млн показов", Ru, 2_000_000.0, None, N, 1e6, Floor, None, None),
    ("охоплення не менше 50 %", Uk, 50.0, None, PCT, 1.0, Floor, None, None),
    ("щонайменше 1 000 заявок", Uk, 1000.0, None, N, 1.0, Floor, None, None),
    ("понад 3 млн показів", Uk, 3_000_000.0, None, N, 1e6, Floor, None, None),
    ("від 200 лідів на місяць", Uk, 200.0, None, N, 1.0, Floor, None, None),
    ("CTR 1,5 % и выше", Ru, 1.5, None, PCT, 1.0, Floor, None, None),
    ("5 000 заявок або більше", Uk, 5000.0, None, N, 1.0, Floor, None, None),
    // Ranges.
    ("CPA 20–25 €", Fr, 20.0, Some(25.0), EUR, 1.0, Range, None, None),
    ("CPA de 20 à 25 €", Fr, 20.0, Some(25.0), EUR, 1.0, Range, None, None),
    ("un CTR entre 3 et 4 %", Fr, 3.0, Some(4.0), PCT, 1.0, Range, None, None),
    ("budget de 1,2 à 1,5 M€", Fr, 1_200_000.0, Some(1_500_000.0), EUR, 1e6, Range, None, None),
    ("between £40 and £55 per sale", En, 40.0, Some(55.0), GBP, 1.0, Range, None, None),
    ("a CPA of €20-€25", En, 20.0, Some(25.0), EUR, 1.0, Range, None, None),
    ("spend 20k–25k on search", En, 20_000.0, Some(25_000.0), N, 1e3, Range, None, None),
    ("from 2 to 3 million impressions", En, 2_000_000.0, Some(3_000_000.0), N, 1e6, Range, None, None),
    ("ставка від 20 до 25 грн", Uk, 20.0, Some(25.0), UAH, 1.0, Range, None, None),
    ("CPC от 15 до 20 руб.", Ru, 15.0, Some(20.0), RUB, 1.0, Range, None, None),
    ("бюджет 3–4 млн грн з ПДВ", Uk, 3_000_000.0, Some(4_000_000.0), UAH, 1e6, Range, INC, None),
    ("20 000 – 25 000 € HT", Fr, 20_000.0, Some(25_000.0), EUR, 1.0, Range, EX, None),
    ("CTR 0,8-1,2 %", Fr, 0.8, Some(1.2), PCT, 1.0, Range, None, None),
    ("between 500 and 800 leads", En, 500.0, Some(800.0), N, 1.0, Range, None, None),
    ("entre 1 et 2 millions de vues", Fr, 1_000_000.0, Some(2_000_000.0), N, 1e6, Range, None, None),
    // Changes.
    ("+15 % vs N-1", Fr, 15.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("-10 % sur le CPA", Fr, 10.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("\u{2212}8 % de coût par lead", Fr, 8.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("des ventes en hausse de 15 %", Fr, 15.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("une baisse de 12 % du CPA", Fr, 12.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("augmenter les ventes de 20 %", Fr, 20.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("réduire le coût par lead de 10 %", Fr, 10.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("increase sign-ups by 15%", En, 15.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("Grow average customer lifetime value (LTV) by 15%", En, 15.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("reduce CPA by 10%", En, 10.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("an increase of 25% in footfall", En, 25.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("sales up 9% year-on-year", En, 9.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("20% more qualified leads", En, 20.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("15% vs last year", En, 15.0, None, PCT, 1.0, Exact, None, Some(Unstated)),
    ("продажи на 20 % больше", Ru, 20.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("увеличить продажи на 20 %", Ru, 20.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("снизить CPA на 15 %", Ru, 15.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("рост продаж на 12 % по сравнению с прошлым годом", Ru, 12.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("продажі на 20 % більше", Uk, 20.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("збільшити кількість заявок на 30 %", Uk, 30.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("зменшити вартість ліда на 10 %", Uk, 10.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("на 5 % менше, ніж торік", Uk, 5.0, None, PCT, 1.0, Exact, None, Some(Down)),
    ("15 % de plus que l'an dernier", Fr, 15.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("учасники приходять на 20 % частіше, ніж узимку", Uk, 20.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("покупатели заходят на 15 % чаще", Ru, 15.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("visits 10% more often than in 2025", En, 10.0, None, PCT, 1.0, Exact, None, Some(Up)),
    ("+20 000 visites", Fr, 20_000.0, None, N, 1.0, Exact, None, Some(Up)),
    // Ratios.
    ("ROAS ×2", En, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("leads x3 by Q4", En, 3.0, None, X, 1.0, Exact, None, Some(Up)),
    ("a 2x uplift in reach", En, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("увеличить продажи в 2 раза", Ru, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("збільшити охоплення у 3 рази", Uk, 3.0, None, X, 1.0, Exact, None, Some(Up)),
    ("2 fois plus de leads", Fr, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("deux fois plus de rendez-vous", Fr, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("three times more sign-ups than last spring", En, 3.0, None, X, 1.0, Exact, None, Some(Up)),
    ("doubler le nombre de leads", Fr, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("удвоить число заявок", Ru, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("подвоїти кількість заявок", Uk, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("в два раза меньше отказов", Ru, 2.0, None, X, 1.0, Exact, None, Some(Down)),
    ("we aim to double sign-ups", En, 2.0, None, X, 1.0, Exact, None, Some(Up)),
    ("ROAS 6:1 on search", En, 6.0, None, X, 1.0, Exact, None, None),
    ("ROAS 6.5:1 on search", En, 6.5, None, X, 1.0, Exact, None, None),
    ("ROAS cible : 9,2:1", Fr, 9.2, None, X, 1.0, Exact, None, None),
    // Frequencies are counts, not ratios.
    ("une répétition d'au moins 3 fois par semaine", Fr, 3.0, None, N, 1.0, Floor, None, None),
    ("частота 2 раза в неделю", Ru, 2.0, None, N, 1.0, Exact, None, None),
    ("seen 4 times a week", En, 4.0, None, N, 1.0, Exact, None, None),
    ("une vidéo visionnée 13.000 fois", Fr, 13_000.0, None, N, 1.0, Exact, None, None),
    ("3 times more sign-ups", En, 3.0, None, X, 1.0, Exact, None, Some(Up)),
    ("в 10 раз меньше жалоб", Ru, 10.0, None, X, 1.0, Exact, None, Some(Down)),
    // Durations.
    ("Spot TV 30''", Fr, 30.0, None, SEC, 1.0, Exact, None, None),
    ("un film de 2 min 45 s", Fr, 165.0, None, SEC, 1.0, Exact, None, None),
    ("vidéo longue de 2:40", Fr, 160.0, None, SEC, 1.0, Exact, None, None),
    ("ролик 45 с", Ru, 45.0, None, SEC, 1.0, Exact, None, None),
    ("хронометраж 30 сек", Ru, 30.0, None, SEC, 1.0, Exact, None, None),
    ("ролик 20 секунд", Uk, 20.0, None, SEC, 1.0, Exact, None, None),
    ("un live de 1 h 30", Fr, 5400.0, None, SEC, 1.0, Exact, None, None),
    ("a 6-second bumper", En, 6.0, None, SEC, 1.0, Exact, None, None),
    ("15s cut-downs", En, 15.0, None, SEC, 1.0, Exact, None, None),
    ("a 40-minute drive", En, 2400.0, None, SEC, 1.0, Exact, None, None),
    ("відео 1 хв 30 с", Uk, 90.0, None, SEC, 1.0, Exact, None, None),
    ("сесія триває 4–6 хвилин", Uk, 240.0, Some(360.0), SEC, 1.0, Range, None, None),
    ("des spots de 15 à 20 secondes", Fr, 15.0, Some(20.0), SEC, 1.0, Range, None, None),
    // Counts and ages.
    ("Objectif : 1 200 ventes", Fr, 1200.0, None, N, 1.0, Exact, None, None),
    ("2 000 leads sur la période", Fr, 2000.0, None, N, 1.0, Exact, None, None),
    ("450 GRPs on TV", En, 450.0, None, N, 1.0, Exact, None, None),
    ("| Search | 12 000 | clicks |", En, 12_000.0, None, N, 1.0, Exact, None, None),
    ("12000 clics attendus", Fr, 12_000.0, None, N, 1.0, Exact, None, None),
    ("800 GRP на ТВ", Ru, 800.0, None, N, 1.0, Exact, None, None),
    ("femmes 25-45 ans", Fr, 25.0, Some(45.0), AGE, 1.0, Range, None, None),
    ("женщины 25–45 лет", Ru, 25.0, Some(45.0), AGE, 1.0, Range, None, None),
    ("жінки 18–35 років", Uk, 18.0, Some(35.0), AGE, 1.0, Range, None, None),
    ("adults aged 30 to 55", En, 30.0, Some(55.0), N, 1.0, Range, None, None),
    ("reach among 18-34s", En, 18.0, Some(34.0), AGE, 1.0, Range, None, None),
    ("CTR +0,3 п.п. до минулого року", Uk, 0.3, None, PP, 1.0, Exact, None, Some(Up)),
];

fn check_row(row: &Row) -> Result<(), String> {
    let &(text, lang, value, high, unit, multiplier, comparator, tax, direction) = row;
    let found = amounts(text, lang);
    let [a] = found.as_slice() else {
        return Err(format!("{text:?}: expected one amount, got {found:#?}"));
    };
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * y.abs().max(1.0);
    let ok = close(a.value, value)
        && a.high.is_some() == high.is_some()
        && a.high.zip(high).is_none_or(|(x, y)| close(x, y))
        && a.unit == unit
        && a.multiplier == multiplier
        && a.comparator == comparator
        && a.tax == tax
        && a.relative.as_ref().map(|r| r.direction) == direction;
    if ok {
        Ok(())
    } else {
        Err(format!("{text:?}: got {a:#?}"))
    }
}

#[test]
fn amount_table() {
    assert!(AMOUNTS.len() >= 150, "{} rows", AMOUNTS.len());
    let failures: Vec<String> = AMOUNTS.iter().filter_map(|r| check_row(r).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        AMOUNTS.len(),
        failures.join("\n")
    );
}

/// Strings that hold no amount: years, dates, numbering, times, phones, codes, ordinals.
const NO_AMOUNT: &[(&str, Lang)] = &[
    ("Lancement en 2026", Fr),
    ("in 2025 we relaunched", En),
    ("Кампания 2025 года", Ru),
    ("у 2026 році", Uk),
    ("3. Recherche payante", Fr),
    ("1) Brief créatif", Fr),
    ("Réunion à 14h30", Fr),
    ("Call at 9:00 on Monday", En),
    ("з 10:00 до 18:00", Uk),
    ("Contact : +33 1 23 45 67 89", Fr),
    ("тел. 8 800 555-35-35", Ru),
    ("Телефон: +380 44 123 4567", Uk),
    ("appelez le 01 23 45 67 89", Fr),
    ("Tracking via GA4", En),
    ("une vidéo 4K", Fr),
    ("ciblage B2B", Fr),
    ("the 1st wave", En),
    ("la 2e vague", Fr),
    ("3-й этап", Ru),
    ("see footnote [2]", En),
    ("Phase 2 : activation", Fr),
    ("voir page 12", Fr),
    ("iPhone 15 launch", En),
    ("support 24/7", En),
    ("vs N-1", Fr),
    ("Le 12 mai 2025", Fr),
    ("Deadline: 2026-04-01", En),
    ("до 01.04.2026", Ru),
    ("Q1 2026", En),
    ("годы 2025-2026", Ru),
    ("ДК 021:2015", Uk),
    ("código 79340000", Fr),
    ("№ 034/22", Uk),
    ("the 1990s", En),
    ("une expérience de 25 ans", Fr),
    ("вебинар о 10 год", Uk),
    ("version 3.2.1", En),
    ("à 9 h", Fr),
    ("agent 007", En),
    ("numéro vert 0800", Fr),
    ("réunion à 18 h 30", Fr),
    ("Formats vidéo 16:9, 9:16 et 1:1", Fr),
    ("bannières 300x250 et 728x90", Fr),
    ("open 9am–5pm", En),
    ("décret n° 2016-360", Fr),
    ("ИНН 7701234567", Ru),
    ("ДСТУ 3008:2015", Uk),
    ("UA-2025-09-22-014390-a", Uk),
    ("reach them at least three times", En),
    ("vu trois fois par semaine", Fr),
];

#[test]
fn no_amounts_in_years_dates_numbering_times_phones_and_codes() {
    let wrong: Vec<String> = NO_AMOUNT
        .iter()
        .filter_map(|&(text, lang)| {
            let found = amounts(text, lang);
            (!found.is_empty()).then(|| format!("{text:?}: {found:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn slice(text: &str, range: std::ops::Range<usize>) -> &str {
    &text[range]
}

#[test]
fn ranges_cover_currency_number_multiplier_unit_and_tax() {
    let cases: &[(&str, Lang, &str)] = &[
        ("Budget : 180 000 € HT pour 2026", Fr, "180 000 € HT"),
        ("Total media spend of €1.2m across", En, "€1.2m"),
        (
            "Бюджет 2,5 млн грн з ПДВ, без агентської",
            Uk,
            "2,5 млн грн з ПДВ",
        ),
        ("CPA de 20 à 25 € par lead", Fr, "20 à 25 €"),
        ("soit 12 500 € (HT) au total", Fr, "12 500 € (HT)"),
        ("+15 % vs N-1", Fr, "+15 %"),
        (
            "un budget de 2 millions d'euros cette année",
            Fr,
            "2 millions d'euros",
        ),
        ("ставка від 20 до 25 грн за клік", Uk, "20 до 25 грн"),
        ("ролик 1 хв 30 с", Uk, "1 хв 30 с"),
    ];
    for &(text, lang, want) in cases {
        let found = amounts(text, lang);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(slice(text, found[0].range.clone()), want, "{text:?}");
    }
}

#[test]
fn cue_words_are_exposed_with_their_ranges() {
    let text = "CPA au maximum de 48 € HT, soit +12 % vs N-1";
    let found = amounts(text, Fr);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        slice(text, found[0].comparator_cue.clone().unwrap()),
        "au maximum de"
    );
    assert_eq!(slice(text, found[0].tax_cue.clone().unwrap()), "HT");
    let change = found[1].relative.as_ref().unwrap();
    assert_eq!(slice(text, change.cue.clone()), "+");
    assert_eq!(slice(text, change.baseline.clone().unwrap()), "vs N-1");

    let text = "рост продаж на 12 % по сравнению с прошлым годом.";
    let change = amounts(text, Ru).remove(0).relative.unwrap();
    assert_eq!(change.direction, Direction::Up);
    assert_eq!(slice(text, change.cue), "на");
    assert_eq!(
        slice(text, change.baseline.unwrap()),
        "по сравнению с прошлым годом"
    );

    let text = "ставка від 20 до 25 грн";
    let a = amounts(text, Uk).remove(0);
    assert_eq!(slice(text, a.comparator_cue.unwrap()), "від");

    let text = "Бюджет не більше 95 000 грн без ПДВ";
    let a = amounts(text, Uk).remove(0);
    assert_eq!(slice(text, a.comparator_cue.unwrap()), "не більше");
    assert_eq!(slice(text, a.tax_cue.unwrap()), "без ПДВ");
}

#[test]
fn a_move_from_one_value_to_another_is_two_amounts() {
    for (text, lang) in [
        ("faire passer le taux de 2 % à 3 %", Fr),
        ("Reduce churn from 2.8% to 1.9% by December", En),
        ("увеличить конверсию с 2 % до 3 %", Ru),
    ] {
        let found = amounts(text, lang);
        let values: Vec<(f64, Option<f64>)> = found.iter().map(|a| (a.value, a.high)).collect();
        assert_eq!(values.len(), 2, "{text:?}: {found:?}");
        assert!(values.iter().all(|v| v.1.is_none()), "{text:?}: {found:?}");
    }
}

#[test]
fn a_value_after_vs_is_a_comparison_not_a_baseline() {
    let found = amounts("CPC moyen 0,45 € (vs 0,52 € en 2024)", Fr);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|a| a.relative.is_none()), "{found:?}");
    let found = amounts("+15 % vs 2024", Fr);
    assert!(
        found[0].relative.as_ref().unwrap().baseline.is_some(),
        "{found:?}"
    );
}

#[test]
fn bounds_follow_the_comparator() {
    let bounds = |text, lang| amounts(text, lang).remove(0).bounds();
    assert_eq!(bounds("CPA max 48 €", Fr), (None, Some(48.0)));
    assert_eq!(bounds("au moins 2 000 leads", Fr), (Some(2000.0), None));
    assert_eq!(bounds("CPA 20–25 €", Fr), (Some(20.0), Some(25.0)));
    assert_eq!(
        bounds("Budget 95 000 €", Fr),
        (Some(95_000.0), Some(95_000.0))
    );
}

#[test]
fn adjacent_figures_do_not_share_a_currency() {
    let found = amounts("1€1", En);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].range.clone(), found[0].unit), (0..4, EUR));
    assert_eq!((found[1].range.clone(), found[1].unit), (4..5, N));
}

#[test]
fn media_plan_rows_yield_every_cell() {
    let row = "| Search | £210,000 | 300 | £700 |";
    let found = amounts(row, En);
    let values: Vec<f64> = found.iter().map(|a| a.value).collect();
    assert_eq!(values, [210_000.0, 300.0, 700.0]);
    assert_eq!(found[1].unit, Unit::Count);

    let row = "| Total | 112 k€ | 2 000 leads | 56 € |";
    let values: Vec<f64> = amounts(row, Fr).iter().map(|a| a.value).collect();
    assert_eq!(values, [112_000.0, 2000.0, 56.0]);
}

#[test]
fn paragraphs_mix_languages_amounts_and_dates() {
    let text = "Campagne du 15 juillet au 15 septembre 2025, budget 190 000 € HT, CPA max 22 €.";
    let figures = figures::read(text, Fr);
    assert_eq!(figures.dates.len(), 1);
    let values: Vec<f64> = figures.amounts.iter().map(|a| a.value).collect();
    assert_eq!(values, [190_000.0, 22.0]);
    assert_eq!(figures.amounts[1].comparator, Comparator::Cap);

    let text = "Бюджет 38 млн руб. (CPA до 1 500 ₽), запуск с 1 апреля по 30 июня 2026 г.";
    let figures = figures::read(text, Ru);
    assert_eq!(figures.amounts.len(), 2, "{:?}", figures.amounts);
    assert_eq!(figures.amounts[1].comparator, Comparator::Cap);
    assert_eq!(figures.dates.len(), 1);
}

/// A day for the tables: year 0 means "not written".
type D = (i32, u8, u8);

fn day((y, m, d): D) -> Day {
    Day {
        year: (y != 0).then_some(y),
        month: m,
        day: Some(d),
    }
}

use DateKind::{Deadline, Point, Start, Window};

#[rustfmt::skip]
const DATES: &[(&str, Lang, D, D, DateKind)] = &[
    // Windows.
    ("2 March – 30 April 2026", En, (2026, 3, 2), (2026, 4, 30), Window),
    ("March 2–April 30, 2026", En, (2026, 3, 2), (2026, 4, 30), Window),
    ("from 1 to 15 March", En, (0, 3, 1), (0, 3, 15), Window),
    ("1–15 March 2026", En, (2026, 3, 1), (2026, 3, 15), Window),
    ("between 3 and 24 February", En, (0, 2, 3), (0, 2, 24), Window),
    ("from 10 March to 27 April 2025", En, (2025, 3, 10), (2025, 4, 27), Window),
    ("Jan 12 – Feb 20, 2026", En, (2026, 1, 12), (2026, 2, 20), Window),
    ("14 February to 17 February", En, (0, 2, 14), (0, 2, 17), Window),
    ("Filming: 3 and 4 March", En, (0, 3, 3), (0, 3, 4), Window),
    ("Q1–Q2 2026", En, (2026, 1, 1), (2026, 6, 30), Window),
    ("du 15 juillet au 15 septembre", Fr, (0, 7, 15), (0, 9, 15), Window),
    ("du 15 juillet au 15 septembre 2025", Fr, (2025, 7, 15), (2025, 9, 15), Window),
    ("du 1er au 15 mars 2026", Fr, (2026, 3, 1), (2026, 3, 15), Window),
    ("de mars à mai 2026", Fr, (2026, 3, 1), (2026, 5, 31), Window),
    ("mars–avril 2026", Fr, (2026, 3, 1), (2026, 4, 30), Window),
    ("entre le 3 et le 17 mai", Fr, (0, 5, 3), (0, 5, 17), Window),
    ("du 15 décembre 2025 au 15 janvier 2026", Fr, (2025, 12, 15), (2026, 1, 15), Window),
    ("du 15 décembre au 15 janvier 2026", Fr, (2025, 12, 15), (2026, 1, 15), Window),
    ("1.04–30.06.2026", Ru, (2026, 4, 1), (2026, 6, 30), Window),
    ("с 1 апреля по 30 июня", Ru, (0, 4, 1), (0, 6, 30), Window),
    ("с 12 мая по 20 июля 2025 года", Ru, (2025, 5, 12), (2025, 7, 20), Window),
    ("с 01.03.2026 по 31.05.2026", Ru, (2026, 3, 1), (2026, 5, 31), Window),
    ("з 1 квітня по 30 червня", Uk, (0, 4, 1), (0, 6, 30), Window),
    ("з 13.03.2020 по 13.03.2022", Uk, (2020, 3, 13), (2022, 3, 13), Window),
    ("від 1 до 20 вересня 2026 р.", Uk, (2026, 9, 1), (2026, 9, 20), Window),
    ("березень–квітень 2026 року", Uk, (2026, 3, 1), (2026, 4, 30), Window),
    ("05.01.2026 - 17.01.2026", Uk, (2026, 1, 5), (2026, 1, 17), Window),
    ("| Search | 03/03–30/04 | 45 000 € |", Fr, (0, 3, 3), (0, 4, 30), Window),
    ("mars–avril", Fr, (0, 3, 1), (0, 4, 30), Window),
    // Points.
    ("on 3 February 2025", En, (2025, 2, 3), (2025, 2, 3), Point),
    ("in March 2026", En, (2026, 3, 1), (2026, 3, 31), Point),
    ("in March", En, (0, 3, 1), (0, 3, 31), Point),
    ("Sept. 15, 2026", En, (2026, 9, 15), (2026, 9, 15), Point),
    ("Q1 2026", En, (2026, 1, 1), (2026, 3, 31), Point),
    ("H2", En, (0, 7, 1), (0, 12, 31), Point),
    ("the first half of 2026", En, (2026, 1, 1), (2026, 6, 30), Point),
    ("summer 2026", En, (2026, 6, 1), (2026, 8, 31), Point),
    ("2026-04-01", En, (2026, 4, 1), (2026, 4, 1), Point),
    ("le 12 mai 2025", Fr, (2025, 5, 12), (2025, 5, 12), Point),
    ("le 1er juin", Fr, (0, 6, 1), (0, 6, 1), Point),
    ("12 janv. 2026", Fr, (2026, 1, 12), (2026, 1, 12), Point),
    ("3 févr. 2026", Fr, (2026, 2, 3), (2026, 2, 3), Point),
    ("en mars", Fr, (0, 3, 1), (0, 3, 31), Point),
    ("S1 2026", Fr, (2026, 1, 1), (2026, 6, 30), Point),
    ("T3 2026", Fr, (2026, 7, 1), (2026, 9, 30), Point),
    ("1er trimestre 2026", Fr, (2026, 1, 1), (2026, 3, 31), Point),
    ("second semestre", Fr, (0, 7, 1), (0, 12, 31), Point),
    ("mi-mars 2026", Fr, (2026, 3, 15), (2026, 3, 15), Point),
    ("01/04/2026", Fr, (2026, 4, 1), (2026, 4, 1), Point),
    ("4 марта 2025 года", Ru, (2025, 3, 4), (2025, 3, 4), Point),
    ("21 марта", Ru, (0, 3, 21), (0, 3, 21), Point),
    ("I квартал 2026 г.", Ru, (2026, 1, 1), (2026, 3, 31), Point),
    ("во втором полугодии 2026 года", Ru, (2026, 7, 1), (2026, 12, 31), Point),
    ("в марте 2026", Ru, (2026, 3, 1), (2026, 3, 31), Point),
    ("12 янв. 2026 г.", Ru, (2026, 1, 12), (2026, 1, 12), Point),
    ("летом", Ru, (0, 6, 1), (0, 8, 31), Point),
    ("перше півріччя 2026 року", Uk, (2026, 1, 1), (2026, 6, 30), Point),
    ("у березні", Uk, (0, 3, 1), (0, 3, 31), Point),
    ("4 березня 2025 р.", Uk, (2025, 3, 4), (2025, 3, 4), Point),
    ("у 2 кварталі 2026 року", Uk, (2026, 4, 1), (2026, 6, 30), Point),
    ("19.08.2022 року", Uk, (2022, 8, 19), (2022, 8, 19), Point),
    // Deadlines and starts.
    ("d'ici fin juin", Fr, (0, 6, 30), (0, 6, 30), Deadline),
    ("avant le 14 novembre", Fr, (0, 11, 14), (0, 11, 14), Deadline),
    ("au plus tard le 30 mai 2025", Fr, (2025, 5, 30), (2025, 5, 30), Deadline),
    ("le 30 mai au plus tard", Fr, (0, 5, 30), (0, 5, 30), Deadline),
    ("jusqu'au 15 juillet", Fr, (0, 7, 15), (0, 7, 15), Deadline),
    ("à partir du 1er mars 2026", Fr, (2026, 3, 1), (2026, 3, 1), Start),
    ("dès le 5 juin", Fr, (0, 6, 5), (0, 6, 5), Start),
    ("by 14 February", En, (0, 2, 14), (0, 2, 14), Deadline),
    ("no later than 17 February 2025", En, (2025, 2, 17), (2025, 2, 17), Deadline),
    ("by the end of June", En, (0, 6, 30), (0, 6, 30), Deadline),
    ("before March 2026", En, (2026, 3, 1), (2026, 3, 1), Deadline),
    ("starting 24 February", En, (0, 2, 24), (0, 2, 24), Start),
    ("до конца мая", Ru, (0, 5, 31), (0, 5, 31), Deadline),
    ("не позднее 15 апреля 2026 г.", Ru, (2026, 4, 15), (2026, 4, 15), Deadline),
    ("с 1 апреля", Ru, (0, 4, 1), (0, 4, 1), Start),
    ("к 1 сентября", Ru, (0, 9, 1), (0, 9, 1), Deadline),
    ("до 1 вересня", Uk, (0, 9, 1), (0, 9, 1), Deadline),
    ("не пізніше 19.08.2022", Uk, (2022, 8, 19), (2022, 8, 19), Deadline),
    ("до кінця червня 2026 року", Uk, (2026, 6, 30), (2026, 6, 30), Deadline),
    ("з 1 квітня", Uk, (0, 4, 1), (0, 4, 1), Start),
    ("du lundi 3 au vendredi 7 mars", Fr, (0, 3, 3), (0, 3, 7), Window),
    ("d'ici fin 2026", Fr, (2026, 12, 31), (2026, 12, 31), Deadline),
    ("до 2027 года", Ru, (2027, 1, 1), (2027, 1, 1), Deadline),
    ("by the end of 2026", En, (2026, 12, 31), (2026, 12, 31), Deadline),
    ("II–III квартал 2026 г.", Ru, (2026, 4, 1), (2026, 9, 30), Point),
    ("w/c 3 March", En, (0, 3, 3), (0, 3, 3), Start),
    ("Подання пропозицій до 18:00 25 серпня 2026 р.", Uk, (2026, 8, 25), (2026, 8, 25), Deadline),
    ("le 3 mars à 10h", Fr, (0, 3, 3), (0, 3, 3), Point),
];

#[test]
fn date_table() {
    assert!(DATES.len() >= 60, "{} rows", DATES.len());
    let failures: Vec<String> = DATES
        .iter()
        .filter_map(|&(text, lang, start, end, kind)| {
            let found = dates(text, lang);
            let ok = matches!(found.as_slice(), [d] if d.start == day(start) && d.end == day(end) && d.kind == kind);
            (!ok).then(|| format!("{text:?}: {found:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        DATES.len(),
        failures.join("\n")
    );
}

#[test]
fn no_dates_in_amounts_words_and_codes() {
    let cases: &[(&str, Lang)] = &[
        ("CPA 20–25 €", Fr),
        ("1 200 000 € sur l'année", Fr),
        ("we may 2 x the budget", En),
        ("march 3 abreast", En),
        ("Mars 2 barres offertes", Fr),
        ("a 3.5 % conversion rate", En),
        ("version 1.04.2", En),
        ("15 000 visits", En),
        ("la campagne a été lancée", Fr),
        ("2025", En),
        ("en 2025, nous avons doublé", Fr),
        ("la saison 2025-2026", Fr),
        ("since 2006", En),
        ("ДК 021:2015", Uk),
        ("Spot 14:30", Fr),
        ("prix de 1.10–1.20 € le contact", Fr),
        ("mars à avril", Fr),
    ];
    for &(text, lang) in cases {
        assert!(
            dates(text, lang).is_empty(),
            "{text:?}: {:?}",
            dates(text, lang)
        );
    }
}

#[test]
fn days_order_only_when_both_years_are_known_or_both_unknown() {
    let a = day((2026, 3, 15));
    let b = day((2026, 4, 1));
    assert!(a < b);
    assert_eq!(day((0, 3, 15)).partial_cmp(&b), None);
    assert!(day((0, 3, 15)) < day((0, 4, 1)));
    assert!(day((0, 3, 15)).or_year(2026) < b);
}

#[test]
fn spans_take_the_year_from_context_and_wrap_across_new_year() {
    let span = dates("du 15 décembre au 15 janvier", Fr)
        .remove(0)
        .or_year(2026);
    assert_eq!(span.start, day((2025, 12, 15)));
    assert_eq!(span.end, day((2026, 1, 15)));
    let span = dates("с 1 апреля по 30 июня", Ru).remove(0).or_year(2026);
    assert_eq!(
        (span.start, span.end),
        (day((2026, 4, 1)), day((2026, 6, 30)))
    );
}

#[test]
fn date_ranges_and_cues_are_exact() {
    let text = "Diffusion d'ici fin juin 2026, puis bilan.";
    let d = dates(text, Fr).remove(0);
    assert_eq!(slice(text, d.range.clone()), "juin 2026");
    assert_eq!(slice(text, d.cue.unwrap()), "d'ici");
    let text = "Réponse attendue avant le 14 novembre.";
    let d = dates(text, Fr).remove(0);
    assert_eq!(slice(text, d.range.clone()), "14 novembre");
    assert_eq!(slice(text, d.cue.unwrap()), "avant le");
    let text = "Вимірювання наприкінці серпня 2025 року.";
    let d = dates(text, Uk).remove(0);
    assert_eq!((d.start, d.kind), (day((2025, 8, 31)), DateKind::Point));
    let text = "Кампанія з 1 квітня по 30 червня 2026 року.";
    let d = dates(text, Uk).remove(0);
    assert_eq!(slice(text, d.range), "1 квітня по 30 червня 2026 року");
    assert_eq!(slice(text, d.cue.unwrap()), "з");
}

mod arbitrary_text {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that stress separators, scripts and cue words.
    const PIECES: &[&str] = &[
        "1",
        "2",
        "0",
        "9",
        "12",
        "2026",
        "000",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\u{2009}",
        ",",
        ".",
        "-",
        "–",
        ":",
        "/",
        "'",
        "’",
        "+",
        "−",
        "%",
        "€",
        "$",
        "£",
        "₽",
        "₴",
        "k",
        "K",
        "M",
        "m",
        "x",
        "×",
        "h",
        "s",
        "с",
        "млн",
        "тыс.",
        "грн",
        "HT",
        "TTC",
        "з ПДВ",
        "без НДС",
        "mars",
        "марта",
        "березня",
        "March",
        "Q",
        "H",
        "S",
        "T",
        "er",
        "до",
        "от",
        "від",
        "de",
        "à",
        "au",
        "entre",
        "et",
        "between",
        "and",
        "to",
        "vs",
        "fin",
        "d'ici",
        "не более",
        "max",
        "min",
        "é",
        "ё",
        "і",
        "ї",
        "|",
        "(",
        ")",
        "[",
        "]",
        "№",
        "#",
        "\n",
        "''",
        "\"",
    ];

    fn paragraph() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn ranges_are_ordered_slices_of_the_text(text in paragraph(), lang in prop::sample::select(&Lang::ALL[..])) {
            let figures = figures::read(&text, lang);
            let mut last_end = 0;
            for a in &figures.amounts {
                prop_assert!(text.get(a.range.clone()).is_some_and(|s| !s.is_empty()), "{:?} in {:?}", a, text);
                prop_assert!(a.range.start >= last_end, "overlap: {:?} in {:?}", figures.amounts, text);
                last_end = a.range.end;
                prop_assert!(a.value.is_finite() && a.high.is_none_or(|h| h > a.value));
                for cue in [&a.comparator_cue, &a.tax_cue].into_iter().flatten() {
                    prop_assert!(text.get(cue.clone()).is_some(), "{:?} in {:?}", a, text);
                }
                if let Some(r) = &a.relative {
                    prop_assert!(text.get(r.cue.clone()).is_some());
                    prop_assert!(r.baseline.as_ref().is_none_or(|b| text.get(b.clone()).is_some()));
                }
            }
            let mut last_end = 0;
            for d in &figures.dates {
                prop_assert!(text.get(d.range.clone()).is_some_and(|s| !s.is_empty()), "{:?} in {:?}", d, text);
                prop_assert!(d.range.start >= last_end);
                last_end = d.range.end;
                prop_assert!(d.cue.as_ref().is_none_or(|c| text.get(c.clone()).is_some()));
                prop_assert!((1..=12).contains(&d.start.month) && (1..=12).contains(&d.end.month));
                prop_assert!(d.start.partial_cmp(&d.end) != Some(std::cmp::Ordering::Greater) || d.start.year.is_none());
            }
        }
    }
}

#[test]
fn tax_scopes_and_units_of_column_headers() {
    for (text, tax) in [
        ("Budget (ex. VAT)", Tax::Excl),
        ("£120,000 for paid media, excluding VAT.", Tax::Excl),
        ("Budget HT", Tax::Excl),
        ("Бюджет, тис. грн з ПДВ", Tax::Incl),
        ("Стоимость с НДС", Tax::Incl),
    ] {
        assert_eq!(figures::tax_in(text).map(|(t, _)| t), Some(tax), "{text}");
    }
    for text in ["Habitat du Var", "Budget", "Сметная стоимость"] {
        assert_eq!(figures::tax_in(text), None, "{text}");
    }
    for (header, lang, value, unit, tax) in [
        ("Бюджет, тыс. ₽", Ru, 1000.0, RUB, None),
        ("Бюджет, тис. грн з ПДВ", Uk, 1000.0, UAH, INC),
        ("Budget (k€)", Fr, 1000.0, EUR, None),
        ("Budget (€ HT)", Fr, 1.0, EUR, EX),
        ("Budget (M€ HT)", Fr, 1e6, EUR, EX),
    ] {
        let found = figures::header_unit(header, lang).unwrap_or_else(|| panic!("{header}"));
        assert_eq!(
            (found.value, found.unit, found.tax),
            (value, unit, tax),
            "{header}"
        );
    }
    for header in ["Budget HT", "Dates", "Доля", "KPI", "Forecast 2026"] {
        assert_eq!(figures::header_unit(header, En), None, "{header}");
    }
}
