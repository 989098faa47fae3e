"""Import the PCI history of each province from the VCCI province pages (pcivietnam.vn) kept in raw/.

The raw files are the page texts as the search tool's stored-pages corpus returned them; ORIGIN.csv lists
each with its address and SHA-256. Nothing here reads the network."""
