"""Whether "she" or "he" can mean a person, from the first name where it says so.

English pronouns carry a gender; a first name often does too ("Olena", "Kaja" and most
Slavic and Romance names in -a are women's; "Andrii", "Marco" are men's). The answer is
None when the name does not say: such a person fits either pronoun."""

from __future__ import annotations

# Men's names ending in -a or -o-like vowels that the rule below would misread, and
# women's names that do not end in -a.
_MEN_IN_A = frozenset(
    """mykola nikita ilya ilia kuzma foma savva luca joshua ezra jonah elijah noah
    sasha misha grisha pasha vova dima tolya zhenya kolya seryozha garcia dmitry yury
    sergey aleksey alexey andrey nikolay vitaly anatoly gennady valery grigory arkady
    yevgeny evgeny georgy vasily mustafa mustapha hamza musa isa yahya osama usama taha
    reza ata attila nikola luka kosta costa micah isaiah jeremiah zechariah obadiah""".split()
)
_WOMEN = frozenset(
    """ellen karen kirsten ingrid karin birgit carmen elizabeth rachel margaret ruth janet
    sigrid ann anne annie jane kate katie liz mary marie sophie christine catherine
    katherine caroline claire alice nancy hillary heather jennifer jen susan helen helene
    hélène mette marine emmanuelle isabelle nathalie valerie valérie agnes agnès ines inès
    ursule lyudmyla lyudmila liudmyla olha olga iuliia yuliia lesia lesya daria darya
    nataliya natalia tetiana tatiana svitlana iryna irina oksana halyna galina kateryna
    ekaterina yevheniya evgenia viktoriia victoria hanna anna maria inna zoriana yana
    emily amy lucy sally judy cindy peggy kathy betty dorothy shirley beverly kimberly
    ashley stephanie melanie melania michelle danielle gabrielle giselle noelle joelle
    rose grace joyce joy brooke hope faith eve jill gwen lynn lyn doris iris frances
    lourdes dolores mercedes elisabeth elsbeth gudrun heidi naomi""".split()
)
# Men's given names that a person may be named by alone in a feature ("Her husband, Taras"):
# the endings below would tell them only with a surname after them.
_MEN = frozenset(
    """taras petro oleh ihor serhii serhiy andrii andriy dmytro volodymyr oleksandr oleksii
    yurii vasyl bohdan pavlo roman maksym denys artem mykhailo viktor yevhen kyrylo
    stepan fedir borys anatolii vitalii yaroslav ostap orest hryhorii vadym ruslan
    sergei alexei dmitri vladimir alexander ivan pavel nikolai mikhail boris oleg igor
    john james michael david peter paul mark thomas tom richard robert william george""".split()
)
_EITHER = frozenset(
    """jean kim alex robin leslie lindsey dominique claude camille sam jordan taylor morgan
    chris pat jamie casey andrea""".split()
)
# Chinese, Korean and Vietnamese family names, written first ("Mao Ning", "Wang Yi"): the
# first word is no given name, so it says nothing of the person's gender.
_FAMILY_FIRST = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo
    mao zheng liang xie song tang han feng deng cao peng xiao tian dong pan yuan cai jiang
    yu du ye cheng wei su lu ding ren shen yao kim lee park choi jung kang cho yoon jang
    lim nguyen tran le pham""".split()
)
_WOMEN_TITLES = frozenset(("mrs", "mrs.", "ms", "ms.", "dame", "lady", "madam", "madame"))
_MEN_TITLES = frozenset(("mr", "mr.", "sir", "lord"))
_VOWELS = frozenset("aeiouy")


def name_gender(name: str) -> str | None:
    """"f" or "m" when the person's first name (or courtesy title) says so, else None."""
    words = name.split()
    if len(words) < 2:  # a surname alone, or an unnamed source: nothing to go on
        return None
    return _given_name_gender(words[0])


def _given_name_gender(first: str) -> str | None:
    """name_gender's answer from a first name (or courtesy title)."""
    first = first.casefold()
    if first in _WOMEN_TITLES:
        return "f"
    if first in _MEN_TITLES:
        return "m"
    if first in _EITHER or first in _FAMILY_FIRST:
        return None
    if first in _WOMEN:
        return "f"
    if first in _MEN_IN_A:
        return "m"
    if len(first) > 2 and first.endswith(("a", "ah")) and first.isalpha():
        return "f"  # ("Hannah", "Sarah", "Leah": the -ah names are women's too)
    if first.endswith(("ii", "iy", "ij", "o")) or (
        first.isalpha() and first[-1] not in _VOWELS and len(first) > 2
    ):
        return "m"
    return None


def lone_name_gender(name: str) -> str | None:
    """The gender of a person the article names by one word, when it is a given name the
    lists know ("Her husband, Taras, ...", "Oksana"); a surname alone says nothing."""
    first = name.casefold()
    if first in _WOMEN:
        return "f"
    return "m" if first in _MEN or first in _MEN_IN_A else None


def guessed_woman(name: str) -> bool:
    """Whether name_gender says "f" from the first name's ending in -a alone, not from the
    list of women's names or a title: a guess that "he" may overrule ("Hendra Wijaya")."""
    words = name.split()
    first = words[0].casefold() if len(words) >= 2 else ""
    return first not in _WOMEN and name_gender(name) == "f" and first not in _WOMEN_TITLES
