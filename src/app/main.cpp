// The stretch-kiosk program: parses the command line and runs the chosen mode.
int main() { return 0; }
