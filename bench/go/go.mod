module schedbench

go 1.19
