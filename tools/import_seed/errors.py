"""The one error type of the importer: a sentence naming the file, row and field."""


class ImportSeedError(Exception):
    """Bad or unexpected input; str() is the sentence shown to the user."""

    def __init__(self, path, row=None, field=None, message=""):
        self.path, self.row, self.field, self.message = str(path), row, field, message
        where = self.path
        if row is not None:
            where += f":{row}"
        if field:
            where += f":{field}"
        super().__init__(f"{where}: {message}")
