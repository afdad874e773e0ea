const greeting = '⁧שלום עולם⁩';
const other = '‫مرحبا بالعالم‬';
