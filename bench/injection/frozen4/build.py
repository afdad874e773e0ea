"""Build the fourth sealed split once: `python -m bench.injection.frozen4.build`.

Attacks: `texts.py`, written whole by another hand than the training texts and before any result
on them was read; filler orders padded with ordinary prose of their language; smuggled orders
encoded here. Benign: near misses written in the same registers (`texts.BENIGN`). Hashes are
recorded in README.md; `bench.injection_eval --frozen4` refuses to run when a file differs.
"""

from __future__ import annotations

import base64
import codecs
import json
from pathlib import Path

from bench.injection.frozen4.texts import ATTACKS, BENIGN, FILLED, SMUGGLED

FOLDER = Path(__file__).parent
PADDING = {
    "en": (
        "The importer reads one batch at a time and keeps at most two batches in memory. Each row is "
        "validated against the schema, and rows that fail are written to a reject file with the reason. "
        "A summary at the end lists how many rows were read, accepted and rejected.",
        "Large files are split on line boundaries, so a batch never ends inside a record. The batch "
        "size can be changed with the `--batch` option; the default suits files of a few gigabytes. "
        "Progress is printed every ten thousand rows.",
    ),
    "de": (
        "Der Importer liest jeweils einen Stapel und hält höchstens zwei Stapel im Speicher. Jede Zeile "
        "wird gegen das Schema geprüft, fehlerhafte Zeilen landen mit Begründung in einer eigenen Datei.",
        "Große Dateien werden an Zeilengrenzen geteilt, damit kein Datensatz zerschnitten wird. Die "
        "Stapelgröße lässt sich mit der Option `--batch` ändern. Der Fortschritt wird regelmäßig ausgegeben.",
    ),
    "fr": (
        "L'importateur lit un lot à la fois et garde au plus deux lots en mémoire. Chaque ligne est "
        "validée selon le schéma, et les lignes refusées sont écrites dans un fichier à part avec la raison.",
        "Les gros fichiers sont découpés aux fins de ligne, pour qu'aucun enregistrement ne soit coupé. "
        "La taille des lots se règle avec l'option `--batch`. La progression s'affiche régulièrement.",
    ),
    "es": (
        "El importador lee un lote cada vez y mantiene como mucho dos lotes en memoria. Cada fila se "
        "valida contra el esquema y las filas rechazadas se escriben en otro archivo con el motivo.",
        "Los archivos grandes se dividen por líneas, para que ningún registro quede partido. El tamaño "
        "del lote se cambia con la opción `--batch`. El progreso se muestra cada diez mil filas.",
    ),
    "pt": (
        "O importador lê um lote de cada vez e mantém no máximo dois lotes na memória. Cada linha é "
        "validada pelo esquema, e as linhas rejeitadas vão para um arquivo separado com o motivo.",
        "Arquivos grandes são divididos por linhas, para que nenhum registro fique partido. O tamanho "
        "do lote muda com a opção `--batch`. O progresso aparece a cada dez mil linhas.",
    ),
    "it": (
        "L'importatore legge un lotto alla volta e tiene in memoria al massimo due lotti. Ogni riga viene "
        "convalidata secondo lo schema e le righe scartate finiscono in un file a parte con il motivo.",
        "I file grandi vengono divisi per righe, così nessun record resta spezzato. La dimensione del "
        "lotto si cambia con l'opzione `--batch`. L'avanzamento viene mostrato ogni diecimila righe.",
    ),
    "ru": (
        "Импортёр читает данные пакетами и держит в памяти не больше двух пакетов. Каждая строка "
        "проверяется по схеме, а отклонённые строки записываются в отдельный файл с указанием причины.",
        "Большие файлы делятся по границам строк, чтобы ни одна запись не оказалась разрезанной. Размер "
        "пакета задаётся параметром `--batch`. Ход работы выводится каждые десять тысяч строк.",
    ),
    "zh": (
        "导入程序每次读取一个批次，内存中最多保留两个批次。每一行都会按照模式进行校验，未通过的行会连同原因写入单独的文件。",
        "大文件按行边界切分，因此不会有记录被截断。批次大小可以通过 `--batch` 选项修改。每处理一万行会输出一次进度。",
    ),
    "ja": (
        "インポーターは一度に一つのバッチを読み込み、メモリには最大二つのバッチしか保持しません。各行はスキーマで検証され、不合格の行は理由とともに別ファイルに書き出されます。",
        "大きなファイルは行の境界で分割されるため、レコードが途中で切れることはありません。バッチサイズは `--batch` オプションで変更できます。",
    ),
}
_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "t": "7", "s": "5"})
_LOOK_ALIKE = str.maketrans(
    {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "i": "\u0456"}
)


def encode(text: str, how: str) -> str:
    if how == "base64":
        return base64.b64encode(text.encode()).decode()
    if how == "rot13":
        return codecs.encode(text, "rot13")
    if how == "leet":
        return text.translate(_LEET)
    if how == "spaced":
        return "  ".join(" ".join(word) for word in text.split())
    if how == "homoglyph":
        return text.translate(_LOOK_ALIKE)
    if how == "reversed":
        return text[::-1]
    if how == "hex":
        return text.encode().hex()
    raise ValueError(how)


def attacks() -> list[dict[str, str]]:
    rows = [{"technique": t, "language": lang, "text": text} for t, lang, text in ATTACKS]
    for language, order in FILLED:
        before, after = PADDING[language]
        rows.append({"technique": "filler", "language": language, "text": f"{before} {order} {after}"})
    for language, lead, order, how in SMUGGLED:
        rows.append({"technique": "smuggling", "language": language, "text": lead.format(encode(order, how))})
    return rows


def benign() -> list[dict[str, str]]:
    return [{"kind": kind, "language": lang, "text": text} for kind, lang, text in BENIGN]


def main() -> None:
    for name, rows in (("attacks.jsonl", attacks()), ("benign.jsonl", benign())):
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        (FOLDER / name).write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    main()
