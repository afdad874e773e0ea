<?php

class Report
{
    public function title(): string
    {
        return "report";
    }

    public function export(string $name): string
    {
        return shell_exec("zip " . $name);
    }
}

function restore(string $blob)
{
    return unserialize($blob);
}
