import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../src/ingest/index.js";

// Mojibake rules added for issue 3 (rarer charsets, lost bytes, CESU-8); each on invented text.

/**
 * UTF-8 text read with a single-byte charset: the mojibake a wrong decoder makes. Bytes the charset leaves undefined
 * come out as their C1 control, as sloppy decoders (and browsers) do.
 */
const misread = (text: string, encoding: string) =>
  [...Buffer.from(text, "utf8")]
    .map((byte) => {
      const char = iconv.decode(Buffer.from([byte]), encoding);
      return char === "\ufffd" ? String.fromCharCode(byte) : char;
    })
    .join("");

describe("repairMojibake, rarer charsets and lost bytes", () => {
  it.each([
    // A character windows-1252 cannot spell ("ś", "˘") lets a rarer charset that explains the whole line win.
    ["windows-1250", "Dobrý den, třetí ročník"],
    ["windows-1250", "Řekl „ano“ a odešel"],
    // windows-1251's hole 0x98 (the end of "И") survives as a C1 control.
    ["windows-1251", "Иван пишет письмо"],
    ["macintosh", "Grüße aus Köln"],
    ["cp437", "Čeština je krásná"],
  ])("repairs UTF-8 read as %s: %j", (encoding, text) => {
    expect(repairMojibake(misread(text, encoding)).text).toBe(text);
  });

  it("reads a line windows-1252 spells but cannot decode as windows-1257", () => {
    // "ÄÆ" is no UTF-8 in windows-1252; in windows-1257 it is "į".
    expect(repairMojibake(misread("Kaip įdomu, įsivaizduoji, visų", "windows-1257")).text).toBe(
      "Kaip įdomu, įsivaizduoji, visų",
    );
  });

  it("reads a CESU-8 surrogate pair as one emoji", () => {
    const cesu = Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x8d]); // U+1F60D as two 3-byte surrogates
    expect(repairMojibake(`so happy ${iconv.decode(cesu, "latin1")}`).text).toBe("so happy 😍");
  });

  it("reads a plain space as the lost no-break space of a same-script neighbour", () => {
    // "Р" is D0 A0: its A0 became a space, and the next character is Cyrillic mojibake too.
    expect(repairMojibake("Ð ÑƒÐ±ÐµÐ¶").text).toBe("Рубеж");
  });

  it("keeps the space after a lost 'à' and fuses the Portuguese crase", () => {
    expect(repairMojibake("La rГ©union se tient Г lвЂ™hГґtel").text).toBe("La réunion se tient à l’hôtel");
    expect(repairMojibake("igual Ã quele dia, atÃ© Ã s 19h").text).toBe("igual àquele dia, até às 19h");
  });

  it("reads a lost byte (U+FFFD) inside a rarer charset's sequence as one U+FFFD", () => {
    expect(repairMojibake("Ă\ufffdfrica, AmĂ©rica e OceanĂ­a").text).toBe("\ufffdfrica, América e Oceanía");
  });

  it("repairs a double-encoded closing quote whose 0x9D survived as a C1 control", () => {
    expect(repairMojibake("Ã¢â‚¬Å“RomanceÃ¢â‚¬Â\u009d.").text).toBe("“Romance”.");
  });

  it("repairs combining marks", () => {
    expect(repairMojibake("was $Ì¶8Ì¶0Ì¶ now").text).toBe("was $\u03368\u03360\u0336 now");
  });

  it.each([
    "┌─┐ │ a │ └─┘",
    "├┤a┼┐a┼┐a",
    "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "Å ja, sa han. Ærlig talt.",
    "HÅØYA ER BLÅØYD",
    "Привет, мир",
    "fratarakᧀ 141",
  ])("leaves correct text alone: %j", (text) => {
    expect(repairMojibake(text).text).toBe(text);
  });
});
