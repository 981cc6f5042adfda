import { describe, expect, it } from "vitest";
import { nameKey, parsePersonName, personNamesMatch, surnameKey, toLatin } from "../src/resolve/index.js";

const same = (a: string, b: string) => expect(nameKey(a), `${a} vs ${b}`).toBe(nameKey(b));
const different = (a: string, b: string) => expect(nameKey(a), `${a} vs ${b}`).not.toBe(nameKey(b));

describe("nameKey", () => {
  it("folds scripts and diacritics", () => {
    expect(toLatin("Гринкевич")).toBe("grinkevich");
    expect(toLatin("Šimková")).toBe("shimkova");
    same("Тарас Гринкевич", "Taras Hrynkevich");
    same("Aliaksandr Lukashenka", "Александр Лукашенко");
    same("Aliaksandr Lukashenka", "Alexander Lukashenko");
  });

  it("equates romanisations of invented East Slavic names", () => {
    same("Aliaksei Haurylenka", "Aleksey Gavrilenko");
    same("Alexei Gavrilenko", "Oleksiy Havrylenko");
    same("Tatsiana Tsikhanouskaya", "Tatiana Tikhanovskaya");
    same("Yuri Zhdanovich", "Jurij Ždanovič");
    same("Sergei Kovalevsky", "Siarhei Kavaleuski");
    same("Serhiy Kovalevskyi", "Sergey Kovalevskiy");
    same("Olga Baranava", "Volha Baranava");
    same("Volha Baranava", "Olha Baranova");
    same("Mikhail Shchukin", "Mykhailo Szczukin");
    same("Yulia Orlova", "Julija Orlova");
    same("Yuliya Orlova", "Юлия Орлова");
    same("Vasily Grachov", "Vasil Hrachou");
  });

  it("keeps grammatical gender: a husband and his wife differ", () => {
    different("Taras Kovalevsky", "Taras Kovalevskaya");
    different("Anton Baranov", "Anton Baranova");
    different("Piotr Kowalski", "Piotr Kowalska");
    different("Ivan Zorin", "Ivan Zorina");
    different("Alexei Dravny", "Alexei Dravnaya");
    expect(surnameKey("kavaleuski").gender).toBe("m");
    expect(surnameKey("kavaleuskaya").gender).toBe("f");
    expect(surnameKey("hrynkeviciene").gender).toBe("f");
    expect(surnameKey("havrylenka").gender).toBeNull();
    const husband = parsePersonName("Alexei Dravny");
    const wife = parsePersonName("Yulia Dravnaya");
    expect(personNamesMatch(husband, wife)).toBe(false);
    // -enko is gender-neutral, so the given name decides.
    expect(personNamesMatch(parsePersonName("Taras Havrylenko"), parsePersonName("Olena Havrylenko"))).toBe(false);
  });

  it("keeps look-alike surnames apart", () => {
    different("Alexander Lukashenko", "Alexander Lukashev");
    different("Taras Orlov", "Taras Orlovsky");
    different("Anna Kovalenko", "Anna Kovalchuk");
  });

  it("never gives a place and a person the same key", () => {
    expect(nameKey("Georgia", "place")).not.toBe(nameKey("Georgia", "person"));
    expect(nameKey("Belarus", "place")).not.toBe(nameKey("Belarus"));
  });

  it("lets an initial match either full given name, which is why grouping must not chain", () => {
    const initial = parsePersonName("A. Dravny");
    expect(personNamesMatch(initial, parsePersonName("Alexei Dravny"))).toBe(true);
    expect(personNamesMatch(initial, parsePersonName("Anton Dravny"))).toBe(true);
    expect(personNamesMatch(parsePersonName("Alexei Dravny"), parsePersonName("Anton Dravny"))).toBe(false);
  });
});
