<?php

class Report
{
    public function title(): string
    {
        return "report";
    }
}
